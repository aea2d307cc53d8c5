package org.onewindow.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.online.Progress;
import org.onewindow.online.ProgressView;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * /progress — what the QR code on every receipt and notice opens: the number is filled in, the
 * applicant types the last six characters of their ID and sees the steps in plain words. The same
 * limit as the API: repeated failures from one client wait.
 */
@Path("/progress")
@Produces(MediaType.TEXT_HTML)
public class ProgressPage {

    @CheckedTemplate(basePath = "online")
    static class Templates {
        static native TemplateInstance progress(Page page, String number, ProgressView progress,
                java.util.List<OnlineViews.Step> steps, java.util.List<OnlineViews.Waiting> waiting, String dueOn,
                String error, long retryAfter);
    }

    @Inject
    OnlinePageSupport support;

    @Inject
    Progress progress;

    @Inject
    ProgressLimiter limiter;

    @Inject
    RoutingContext routing;

    @GET
    @Operation(hidden = true)
    public Response page(@QueryParam("number") String number, @QueryParam("idTail") String idTail) {
        Page page = support.page();
        String n = number == null ? "" : number.strip();
        if (idTail == null || idTail.isBlank() || n.isEmpty()) {
            return support.render(Templates.progress(page, n, null, null, null, null, null, 0));
        }
        Response looked = ProgressResource.lookup(progress, limiter, ProgressResource.client(routing), n, idTail);
        if (looked.getStatus() == 429) {
            long wait = Long.parseLong(String.valueOf(looked.getHeaderString("Retry-After")));
            return Response.fromResponse(support.render(Templates.progress(page, n, null, null, null, null, "busy", wait)))
                    .status(429).header("Retry-After", wait).build();
        }
        if (looked.getStatus() != 200) {
            return support.render(Templates.progress(page, n, null, null, null, null, "not-found", 0));
        }
        ProgressView p = (ProgressView) looked.getEntity();
        return support.render(Templates.progress(page, n, p, OnlineViews.steps(p, page.en()),
                OnlineViews.waiting(p, page.en()), OnlineViews.day(p.dueOn(), page.en()), null, 0));
    }
}
