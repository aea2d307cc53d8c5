package org.onewindow.web;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What every response and every request passes at the edge, before routing and authentication:
 * security headers on every answer (a CSP that allows only this site's scripts, no framing, no
 * MIME sniffing, no referrer to other sites), the {@code Secure} flag on every cookie when the site
 * is served over HTTPS ({@code onewindow.http.secure-cookies}), and a 400 for a query parameter or
 * path with control characters (PostgreSQL refuses a NUL byte; no search or name needs one).
 */
@ApplicationScoped
public class HttpEdge {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The full KIE DMN editor's page only (staff, a draft's file): the editor runs in an iframe whose
     * srcdoc carries its bundled script inline, and its diagram uses eval, workers and data: fonts.
     * Everything still comes from this site; no other page gets these allowances.
     */
    static final String EDITOR_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final java.util.regex.Pattern EDITOR_PAGE = java.util.regex.Pattern.compile("/policy/versions/\\d+/editor");

    private static final java.util.regex.Pattern CONTROL_ESCAPE = java.util.regex.Pattern.compile("%(?:[01][0-9A-Fa-f]|7[Ff])");

    @ConfigProperty(name = "onewindow.http.secure-cookies", defaultValue = "false")
    boolean secureCookies;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::handle);
    }

    void handle(RoutingContext context) {
        context.addHeadersEndHandler(v -> headers(context));
        Problem problem = requestProblem(context);
        if (problem != null) {
            context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject(Map.of("error", "invalid input", "detail", problem.field() + " " + problem.detail(),
                            "field", problem.field())).encode());
            return;
        }
        context.next();
    }

    private void headers(RoutingContext context) {
        MultiMap headers = context.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        String path = context.normalizedPath();
        if (!path.startsWith("/q/swagger-ui") && !path.startsWith("/q/dev")) {
            headers.set("Content-Security-Policy", EDITOR_PAGE.matcher(path).matches() ? EDITOR_CSP : CSP);
            headers.set("X-Frame-Options", "DENY");
        }
        if (secureCookies) {
            List<String> cookies = headers.getAll(HttpHeaders.SET_COOKIE);
            if (!cookies.isEmpty()) {
                headers.remove(HttpHeaders.SET_COOKIE);
                for (String cookie : cookies) {
                    headers.add(HttpHeaders.SET_COOKIE, cookie.toLowerCase(java.util.Locale.ROOT).contains("; secure")
                            ? cookie : cookie + "; Secure");
                }
            }
        }
    }

    /** What is wrong with a request's path or query, and where. */
    record Problem(String field, String detail) {
    }

    /** The first query parameter or path with a control character (or too long), or null. */
    static Problem requestProblem(RoutingContext context) {
        String raw = context.request().path();
        // the normalized path keeps %00 encoded; a path parameter would be decoded later, NUL and all
        if (raw != null && CONTROL_ESCAPE.matcher(raw).find()) {
            return new Problem("path", "must not contain control characters");
        }
        String pathProblem = EdgeChecks.textProblem(context.normalizedPath(), 2000);
        if (pathProblem != null) {
            return new Problem("path", pathProblem);
        }
        MultiMap params;
        try {
            params = context.queryParams();
        } catch (RuntimeException malformed) {
            return new Problem("query", "is not a valid query string");
        }
        for (Map.Entry<String, String> param : params) {
            String nameProblem = EdgeChecks.textProblem(param.getKey(), 200);
            if (nameProblem != null) {
                return new Problem("query", nameProblem);
            }
            String valueProblem = EdgeChecks.textProblem(param.getValue(), 2000);
            if (valueProblem != null) {
                return new Problem(param.getKey(), valueProblem);
            }
        }
        return null;
    }
}
