package org.onewindow.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.staff.ClientAddress;
import org.onewindow.staff.SessionAuthenticationMechanism;
import org.onewindow.staff.StaffLogin;
import org.onewindow.staff.StaffSessions;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * The staff login form and logout. The form carries a CSRF token like every form; a login goes
 * through the throttle ({@link StaffLogin}) and opens a server-side session ({@link StaffSessions})
 * whose id is the HttpOnly, SameSite=Strict session cookie. Logout ends that session on the server.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    static final String SESSION_COOKIE = SessionAuthenticationMechanism.COOKIE;
    static final String LANDING = "/clerk";

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance login(String lang, boolean error, boolean loggedOut, long waitSeconds, String next);
    }

    @Inject
    StaffLogin login;

    @Inject
    StaffSessions sessions;

    @Inject
    CsrfTokens csrf;

    @Inject
    RoutingContext routing;

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response login(@QueryParam("error") String error, @QueryParam("out") String out,
            @QueryParam("next") String next, @QueryParam("lang") String langParam,
            @CookieParam(Languages.COOKIE) String langCookie) {
        String lang = Languages.resolve(langParam, langCookie);
        return page(lang, 200, error != null, out != null, 0, safeNext(next));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(MultivaluedMap<String, String> form, @CookieParam(Languages.COOKIE) String langCookie) {
        csrf.verify(form);
        String lang = Languages.resolve(null, langCookie);
        String next = safeNext(form.getFirst("next"));
        String password = form.getFirst("j_password");
        StaffLogin.Result result = login.attempt(form.getFirst("j_username"),
                password == null ? null : password.toCharArray(), ClientAddress.of(routing));
        if (result instanceof StaffLogin.Success success) {
            String session = sessions.open(success.user().username());
            return Response.seeOther(URI.create(next == null ? LANDING : next))
                    .cookie(new NewCookie.Builder(SESSION_COOKIE).value(session).path("/").httpOnly(true)
                            .sameSite(NewCookie.SameSite.STRICT).build())
                    .header("Cache-Control", "no-store").build();
        }
        if (result instanceof StaffLogin.Throttled throttled) {
            return page(lang, 429, false, false, throttled.waitSeconds(), next);
        }
        long wait = ((StaffLogin.Refused) result).waitSeconds();
        return wait > 0 ? page(lang, 429, true, false, wait, next)
                : Response.seeOther(URI.create("/login?error=1" + (next == null ? "" : "&next=" + ClerkPages.enc(next))))
                        .build();
    }

    @GET
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(@CookieParam(SESSION_COOKIE) String session) {
        sessions.end(session);
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/login?out=1")).cookie(expired).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logoutByForm(@CookieParam(SESSION_COOKIE) String session) {
        return logout(session);
    }

    private Response page(String lang, int status, boolean error, boolean loggedOut, long wait, String next) {
        Response.ResponseBuilder response = Response.status(status)
                .entity(Templates.login(lang, error, loggedOut, wait, next).setLocale(Languages.locale(lang)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store")
                .cookie(Languages.cookie(lang));
        if (wait > 0) {
            response.header("Retry-After", Long.toString(wait));
        }
        return csrf.attach(response).build();
    }

    /** Only a path on this site (not //host, not a scheme), so the login cannot send anyone elsewhere. */
    static String safeNext(String next) {
        if (next == null || next.length() > 500 || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login") || EdgeChecks.textProblem(next, 500) != null) {
            return null;
        }
        return next;
    }
}
