package org.onewindow.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.casework.Rating;
import org.onewindow.casework.Ratings;
import org.onewindow.casework.Requests;

/** 好差评 for applicants (anonymous): rate a delivered application by its number and the ID's last six characters. */
@Path("/api/ratings")
@Produces(MediaType.APPLICATION_JSON)
public class RatingResource {

    @Inject
    Ratings ratings;

    @Inject
    TypedRequests requests;

    /** What the applicant is told: nothing about the clerk or the follow-up. */
    public record Rated(String number, int score, boolean followUp) {
    }

    @POST
    @Operation(summary = "Rate a delivered application once: {number, idTail (last 6 of the applicant's ID), score 1-5, "
            + "comment?, channel: qr|kiosk}. 404 for a wrong number/ID pair (no hint which), 409 before delivery or "
            + "when already rated")
    public Response rate(String body) {
        Rating r = ratings.rate(requests.read(body, Requests.Rating.class));
        return Response.status(201).entity(new Rated(r.number(), r.score(), r.followUpDue() != null)).build();
    }
}
