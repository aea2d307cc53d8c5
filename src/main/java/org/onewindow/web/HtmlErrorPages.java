package org.onewindow.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A person who follows a bad link or sends a bad form gets a page in their language — what went
 * wrong in plain words and the way home — never the JSON error the APIs answer. Applies to every
 * error answered on a page route (not /api, /decisions, /q) to a browser that asks for HTML; the
 * status code (and a Retry-After) stay as they were. A refusal with a Retry-After (busy, shutting
 * down, the database away) says that nothing was done and to try again in a moment, and any error
 * page links back to the page of ours the person came from.
 */
public class HtmlErrorPages {

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(Page page, int status, String detail, boolean retry, String back);
    }

    private static final List<String> MACHINE_PATHS = List.of("/api", "/decisions", "/q/");

    @ServerResponseFilter
    public void friendly(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || !wantsHtml(request) || !jsonError(response)) {
            return;
        }
        String lang = Languages.resolve(request.getUriInfo().getQueryParameters().getFirst("lang"),
                cookie(request, Languages.COOKIE));
        Page page = new Page(lang, "large".equals(cookie(request, "ow_display")),
                "contrast".equals(cookie(request, "ow_display")), 0, "/", null, false);
        // a refusal that says when to come back (Retry-After: busy, shutting down, the database away)
        // is worded as such: nothing was done, try again in a moment — not "start again from home"
        boolean retry = status == 503 && response.getHeaders().containsKey("Retry-After");
        String html = Templates.error(page, status, null, retry, back(request)).setLocale(page.locale()).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }

    /**
     * The page the person came from, when it is one of ours (the Referer, as a path on this host):
     * a form sent at a busy moment is sent again from there, with what was entered still in it.
     * Null for another site, no Referer, or the very address that failed.
     */
    private static String back(ContainerRequestContext request) {
        String referer = request.getHeaderString("Referer");
        if (referer == null || referer.isBlank()) {
            return null;
        }
        URI from;
        try {
            from = new URI(referer.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        URI base = request.getUriInfo().getBaseUri();
        if (from.getRawAuthority() == null || !from.getRawAuthority().equalsIgnoreCase(base.getRawAuthority())
                || from.getRawPath() == null || !from.getRawPath().startsWith("/") || from.getRawPath().startsWith("//")) {
            return null;
        }
        String back = from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
        URI failed = request.getUriInfo().getRequestUri();
        String here = failed.getRawPath() + (failed.getRawQuery() == null ? "" : "?" + failed.getRawQuery());
        return back.equals(here) && "GET".equals(request.getMethod()) ? null : back;
    }

    private static boolean wantsHtml(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (MACHINE_PATHS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    /** The body is one of our JSON errors (or empty): a page we rendered ourselves is left alone. */
    private static boolean jsonError(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return true;
        }
        if (entity instanceof ApiError) {
            return true;
        }
        return entity instanceof Map<?, ?> map && map.containsKey("error");
    }

    private static String cookie(ContainerRequestContext request, String name) {
        Cookie c = request.getCookies().get(name);
        return c == null ? null : c.getValue();
    }
}
