package org.onewindow.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.online.Progress;
import org.onewindow.online.ProgressView;

import io.vertx.ext.web.RoutingContext;

/** 全过程查询 for everyone: an application's progress by its number and the last six characters of the ID. */
@Path("/api/progress")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

    @Inject
    Progress progress;

    @Inject
    ProgressLimiter limiter;

    @Inject
    RoutingContext routing;

    @GET
    @Path("{number}")
    @Operation(summary = "Progress of an application: {number, status, matters, steps: [{at, what, whatEn}], "
            + "waitingFor, dueOn}. {number} is the application number (or the kiosk reference it was started from), "
            + "idTail the last six characters of the applicant's ID. 404 for a wrong pair without saying which part "
            + "was wrong; 429 with Retry-After after repeated failures from one client.")
    public Response progress(@PathParam("number") String number, @QueryParam("idTail") String idTail) {
        return lookup(progress, limiter, client(routing), number, idTail);
    }

    /** The look-up with its limit: shared by the API and the page. */
    static Response lookup(Progress progress, ProgressLimiter limiter, String client, String number, String idTail) {
        long wait = limiter.retryAfter(client);
        if (wait > 0) {
            return ApiExceptionMappers.json(429, ApiError.of("too many requests", "too many failed look-ups: try again in "
                    + wait + " seconds"), wait);
        }
        return progress.find(number, idTail).map(app -> Response.ok(progress.of(app)).build()).orElseGet(() -> {
            limiter.failed(client);
            return Response.status(404).type(MediaType.APPLICATION_JSON).entity(ApiError.of("not found",
                    "no application with that number and ID")).build();
        });
    }

    static String client(RoutingContext routing) {
        return routing.request().remoteAddress() == null ? "unknown" : routing.request().remoteAddress().hostAddress();
    }

    /** For the OpenAPI description: the body of a 200. */
    static Class<ProgressView> shape() {
        return ProgressView.class;
    }
}
