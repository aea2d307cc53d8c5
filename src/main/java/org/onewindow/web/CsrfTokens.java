package org.onewindow.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.onewindow.intake.InvalidInputException;
import org.onewindow.staff.SessionSecret;
import org.onewindow.staff.StaffSessionIdentityProvider;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF protection of the HTML forms, the login form included. The token in a form's hidden field
 * ({@code {inject:csrf.token}}) is an HMAC under the server key ({@link SessionSecret}) of the
 * signed-in member of staff's session — or, before any login (the kiosk, the login form), of a
 * random per-browser value kept in an HttpOnly cookie. A token is therefore good only for its own
 * session: another session's token, a planted cookie or a token from before a login are refused.
 * JSON APIs are not forms and are not checked — which is why this is not quarkus-rest-csrf, whose
 * filter checks every form-encoded POST on every path and answers a bare 400.
 * Every form endpoint calls {@link #verify}, which also refuses control characters in any field.
 */
@Named("csrf")
@RequestScoped
public class CsrfTokens {

    static final String COOKIE = "ow_csrf";
    static final String FIELD = "csrf-token";
    private static final String NONCE = "[A-Za-z0-9_-]{43}";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RoutingContext routing;

    @Inject
    SecurityIdentity identity;

    @Inject
    SessionSecret secret;

    private String nonce;
    private boolean fresh;

    public String getParameterName() {
        return FIELD;
    }

    /** This visitor's token for the forms on this page. */
    public String getToken() {
        Object session = identity.isAnonymous() ? null : identity.getAttribute(StaffSessionIdentityProvider.SESSION_ATTRIBUTE);
        if (session != null) {
            return secret.sign("csrf:session:" + session);
        }
        return secret.sign("csrf:browser:" + nonce());
    }

    private String nonce() {
        if (nonce == null) {
            Cookie cookie = routing.request().getCookie(COOKIE);
            if (cookie != null && cookie.getValue().matches(NONCE)) {
                nonce = cookie.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                fresh = true;
            }
        }
        return nonce;
    }

    /** Adds the per-browser cookie to a page's response when it is new. */
    Response.ResponseBuilder attach(Response.ResponseBuilder response) {
        nonce();
        if (fresh) {
            response.cookie(new NewCookie.Builder(COOKIE).value(nonce).path("/").httpOnly(true)
                    .sameSite(NewCookie.SameSite.STRICT).build());
        }
        return response;
    }

    /** Refuses a form post whose token is not this session's (or browser's), and fields with control characters. */
    void verify(MultivaluedMap<String, String> form) {
        String sent = form == null ? null : form.getFirst(FIELD);
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (identity.isAnonymous() && (cookie == null || !cookie.getValue().matches(NONCE))) {
            throw new CsrfException();
        }
        if (sent == null || !MessageDigest.isEqual(getToken().getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII))) {
            throw new CsrfException();
        }
        form.forEach((name, values) -> {
            for (String value : values == null ? List.<String>of() : values) {
                String problem = EdgeChecks.textProblem(value, EdgeChecks.MAX_FORM_FIELD);
                if (problem != null) {
                    throw new InvalidInputException(name, problem);
                }
            }
        });
    }

    /**
     * Refuses a script's request from a page (a whole file saved by the full DMN editor, too big for a
     * form field) whose token, sent in the {@code X-CSRF-Token} header, is not this session's.
     */
    void verifyHeader(String sent) {
        if (identity.isAnonymous() || sent == null || !MessageDigest.isEqual(getToken().getBytes(StandardCharsets.US_ASCII),
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
