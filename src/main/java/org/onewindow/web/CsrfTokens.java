package org.onewindow.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF protection of the HTML forms (double-submit cookie): a page with a form carries a random
 * token in an HttpOnly, SameSite=Strict cookie and in a hidden field ({@code {inject:csrf.token}});
 * each form endpoint refuses a post whose field does not match the cookie. JSON APIs are not
 * forms and are not checked — which is why this is not quarkus-rest-csrf: that filter checks every
 * form-encoded POST on every path and answers a bare 400, so a script's {@code curl -d ''} to
 * {@code /api/rules/reload} would fail.
 */
@Named("csrf")
@RequestScoped
public class CsrfTokens {

    static final String COOKIE = "ow_csrf";
    static final String FIELD = "csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RoutingContext routing;

    private String token;
    private boolean fresh;

    public String getParameterName() {
        return FIELD;
    }

    /** This visitor's token: the one in their cookie, or a new one (sent with {@link #attach}). */
    public String getToken() {
        if (token == null) {
            Cookie cookie = routing.request().getCookie(COOKIE);
            if (cookie != null && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                token = cookie.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                fresh = true;
            }
        }
        return token;
    }

    /** Adds the token cookie to a page's response when the token is new. */
    Response.ResponseBuilder attach(Response.ResponseBuilder response) {
        getToken();
        if (fresh) {
            response.cookie(new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true)
                    .sameSite(NewCookie.SameSite.STRICT).build());
        }
        return response;
    }

    /** Refuses a form post whose token is missing or is not this visitor's. */
    void verify(MultivaluedMap<String, String> form) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        String sent = form == null ? null : form.getFirst(FIELD);
        if (cookie == null || sent == null || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII))) {
            throw new CsrfException();
        }
    }

    /** A form post without this visitor's token: expired page, or sent from another site. */
    static class CsrfException extends RuntimeException {
        CsrfException() {
            super("the form has expired or was not sent from this site: reload the page and try again");
        }
    }
}
