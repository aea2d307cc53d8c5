package org.onewindow.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * What every /online page shares with the kiosk: the language and display mode (large text, high
 * contrast) chosen on the screen and kept in session cookies, the CSRF token, no caching. No idle
 * timeout: this is the applicant's own phone or computer.
 */
@RequestScoped
class OnlinePageSupport {

    @Inject
    RoutingContext routing;

    @Inject
    CsrfTokens csrf;

    Page page() {
        String langParam = routing.request().getParam("lang");
        String displayParam = routing.request().getParam("display");
        String lang = Languages.resolve(langParam, cookie(Languages.COOKIE));
        String display = displayParam != null ? displayParam : cookie("ow_display");
        return new Page(lang, "large".equals(display), "contrast".equals(display), 0, routing.request().path(),
                routing.request().query(), false);
    }

    Response render(TemplateInstance template) {
        Page page = page();
        String display = page.large() ? "large" : page.contrast() ? "contrast" : "normal";
        return csrf.attach(Response.ok(template.setLocale(page.locale()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store")
                .cookie(Languages.cookie(page.lang()))
                .cookie(new NewCookie.Builder("ow_display").value(display).path("/").httpOnly(true)
                        .sameSite(NewCookie.SameSite.LAX).build())).build();
    }

    static Response redirect(String to) {
        return Response.seeOther(URI.create(to)).header("Cache-Control", "no-store").build();
    }

    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private String cookie(String name) {
        Cookie c = routing.request().getCookie(name);
        return c == null ? null : c.getValue();
    }
}
