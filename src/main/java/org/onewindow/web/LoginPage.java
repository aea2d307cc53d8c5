package org.onewindow.web;

import java.net.URI;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The staff login (Quarkus form authentication posts to /j_security_check) and logout, which
 * drops the session cookie.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    static final String SESSION_COOKIE = "ow_session";

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance login(String lang, boolean error, boolean loggedOut);
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response login(@QueryParam("error") String error, @QueryParam("out") String out,
            @QueryParam("lang") String langParam, @CookieParam(Languages.COOKIE) String langCookie) {
        String lang = Languages.resolve(langParam, langCookie);
        return Response.ok(Templates.login(lang, error != null, out != null).setLocale(Languages.locale(lang)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store")
                .cookie(Languages.cookie(lang)).build();
    }

    @GET
    @Path("logout")
    @Operation(hidden = true)
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/login?out=1")).cookie(expired).build();
    }
}
