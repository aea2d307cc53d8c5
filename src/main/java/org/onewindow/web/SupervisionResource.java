package org.onewindow.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.casework.Application;
import org.onewindow.casework.ApplicationQueries;
import org.onewindow.casework.Escalation;
import org.onewindow.casework.Escalations;
import org.onewindow.casework.Rating;
import org.onewindow.casework.Ratings;
import org.onewindow.casework.Requests;
import org.onewindow.staff.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** The supervisors' work (HTTP Basic): overrides to approve, escalated cases (督办), rating follow-ups. */
@Path("/api/supervision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class SupervisionResource {

    @Inject
    ApplicationQueries queries;

    @Inject
    Escalations escalations;

    @Inject
    Ratings ratings;

    @Inject
    TypedRequests requests;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/overrides")
    @Operation(summary = "Applications with an override waiting for a supervisor")
    public List<Application> overrides() {
        return queries.awaitingSupervisor();
    }

    @GET
    @Path("/escalations")
    @Operation(summary = "Escalated (red) cases: open ones first; open=true lists only those not yet acknowledged")
    public List<Escalation> escalations(@QueryParam("open") boolean open) {
        return escalations.list(open);
    }

    @POST
    @Path("/escalations/{id}/acknowledge")
    @Operation(summary = "Acknowledge an escalated case: {comment} (required), recorded on the application's timeline")
    public Escalation acknowledge(@PathParam("id") long id, String body) {
        return escalations.acknowledge(id, requests.read(body, Requests.Comment.class), StaffActors.of(identity));
    }

    @GET
    @Path("/follow-ups")
    @Operation(summary = "Bad ratings (1 or 2) whose follow-up is open, with the day it is due (15 working days)")
    public List<Rating> followUps() {
        return ratings.openFollowUps();
    }

    @POST
    @Path("/follow-ups/{id}/close")
    @Operation(summary = "Close the follow-up of a bad rating: {comment} (required)")
    public Rating close(@PathParam("id") long id, String body) {
        return ratings.closeFollowUp(id, requests.read(body, Requests.Comment.class), StaffActors.of(identity));
    }
}
