package org.onewindow.web;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import org.onewindow.online.ApplicantSessions;
import org.onewindow.online.SignedIn;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The online applicant signed in on this request's browser, from the {@code ow_applicant} cookie
 * (HttpOnly, SameSite=Lax, a random token the database knows only by its hash). Separate from the
 * staff login: an applicant is never a member of staff.
 */
@RequestScoped
public class OnlineSession {

    static final String COOKIE = "ow_applicant";

    @Inject
    RoutingContext routing;

    @Inject
    ApplicantSessions sessions;

    private Optional<SignedIn> who;

    public Optional<SignedIn> current() {
        if (who == null) {
            Cookie cookie = routing.request().getCookie(COOKIE);
            who = cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
        }
        return who;
    }

    static NewCookie cookie(String token, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    static NewCookie expired() {
        return new NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true).maxAge(0)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
