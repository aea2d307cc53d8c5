package org.onewindow.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.casework.CaseworkException;
import org.onewindow.casework.Ratings;
import org.onewindow.casework.Requests;
import org.onewindow.intake.InvalidInputException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 好差评 page (/rate): the QR code on the pickup slip opens it with the application number filled
 * in; at the kiosk the applicant types the number. Five levels and an optional comment.
 */
@Path("/rate")
@Produces(MediaType.TEXT_HTML)
public class RatingPage {

    @CheckedTemplate(basePath = "kiosk")
    static class Templates {
        static native TemplateInstance rate(Page page, String number, String channel, String error, Integer score,
                boolean thanks);
    }

    @Inject
    Ratings ratings;

    @Inject
    TypedRequests requests;

    @Inject
    CsrfTokens csrf;

    @Context
    UriInfo uri;

    @QueryParam("lang")
    String langParam;

    @CookieParam(Languages.COOKIE)
    String langCookie;

    @GET
    @Operation(hidden = true)
    public Response form(@QueryParam("number") String number, @QueryParam("channel") String channel) {
        return render(Templates.rate(page(), number == null ? "" : number, "kiosk".equals(channel) ? "kiosk" : "qr",
                null, null, false));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rate(MultivaluedMap<String, String> form) {
        csrf.verify(form);
        String number = form.getFirst("number");
        String channel = "kiosk".equals(form.getFirst("channel")) ? "kiosk" : "qr";
        Integer score = null;
        try {
            score = form.getFirst("score") == null ? null : Integer.valueOf(form.getFirst("score"));
            ratings.rate(requests.valid(new Requests.Rating(number, form.getFirst("idTail"), score,
                    form.getFirst("comment"), channel)));
            return render(Templates.rate(page(), number, channel, null, score, true));
        } catch (NumberFormatException | InvalidInputException | CaseworkException e) {
            String error = e instanceof CaseworkException ce ? (ce.status() == 404 ? "not-found" : "not-now") : "invalid";
            return render(Templates.rate(page(), number == null ? "" : number, channel, error, score, false));
        }
    }

    private Page page() {
        return new Page(Languages.resolve(langParam, langCookie), false, false, 0, uri.getPath(),
                uri.getRequestUri().getRawQuery(), false);
    }

    private Response render(TemplateInstance template) {
        Page page = page();
        return csrf.attach(Response.ok(template.setLocale(page.locale())).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").cookie(Languages.cookie(page.lang()))).build();
    }
}
