package org.onewindow.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.casework.Application;
import org.onewindow.casework.ApplicationIntake;
import org.onewindow.casework.ApplicationQueries;
import org.onewindow.casework.ApplicationStatus;
import org.onewindow.casework.BackOffice;
import org.onewindow.casework.CompletenessCheck;
import org.onewindow.casework.Created;
import org.onewindow.casework.Desk;
import org.onewindow.casework.Overrides;
import org.onewindow.casework.Requests;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.staff.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Applications (办件) for the clerk desk, the departments and the supervisors — HTTP Basic for
 * scripts; the console pages use the same services. Every change names the {@code version} it was
 * decided on.
 */
@Path("/api/applications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.SUPERVISOR, Roles.ADMIN})
public class ApplicationResource {

    private static final int MAX_LIMIT = 200;

    @Inject
    ApplicationIntake intake;

    @Inject
    ApplicationQueries queries;

    @Inject
    Desk desk;

    @Inject
    Overrides overrides;

    @Inject
    BackOffice backOffice;

    @Inject
    TypedRequests requests;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    @POST
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Start an application from a kiosk/online reference or from matters/event, for an identified "
            + "applicant (credit from the credit registry). A repeated Idempotency-Key of the same staff member returns "
            + "the first application.")
    public Response create(String body, @HeaderParam("Idempotency-Key") String key) {
        Created created = intake.create(JsonBodies.parse(mapper, body), key, StaffActors.of(identity));
        return Response.status(201).entity(created.application())
                .header("Location", "/api/applications/" + created.application().id())
                .header("Idempotent-Replayed", created.replayed() ? "true" : null).build();
    }

    @GET
    @Operation(summary = "The queue: newest first; status (repeatable) and q (number, applicant ID or name, "
            + "kiosk reference) filter it. ID numbers are masked; a reviewer sees only their department's applications")
    public List<Application> queue(@QueryParam("status") List<String> status, @QueryParam("q") String q,
            @QueryParam("limit") String limit) {
        int size = EdgeChecks.wholeNumber(limit, "limit", 50, 1, MAX_LIMIT);
        List<ApplicationStatus> statuses = new ArrayList<>();
        for (String s : status) {
            try {
                statuses.add(ApplicationStatus.of(s));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "unknown status '" + s + "'");
            }
        }
        if (q != null && q.length() > 100) {
            throw new InvalidInputException("q", "at most 100 characters");
        }
        return queries.queue(statuses, q, size, StaffActors.of(identity));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The application with its checklist, department tasks, overrides, timeline and deadline "
            + "standing (403 for a reviewer of a department it has no task for)")
    public Application get(@PathParam("id") long id) {
        return queries.get(id, StaffActors.of(identity));
    }

    @PUT
    @Path("/{id}/materials/{code}")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Check an item in: {state: received|missing|pending, form?, version?}; after acceptance "
            + "\"received\" on a tolerated item records it as supplied (and resumes a suspended application)")
    public Application material(@PathParam("id") long id, @PathParam("code") String code, String body) {
        return desk.setMaterial(id, code, requests.read(body, Requests.MaterialCheck.class), StaffActors.of(identity));
    }

    @POST
    @Path("/{id}/check")
    @RolesAllowed({Roles.CLERK, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Completeness by the rules: complete | tolerable | incomplete, what is missing, the notice")
    public CompletenessCheck check(@PathParam("id") long id) {
        queries.get(id, StaffActors.of(identity));
        return desk.check(id);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Accept ({version}) as the rules judge it: 409 if the version is stale, 422 with the one-time "
            + "notice when the rules refuse. An override goes to POST /overrides and a supervisor")
    public Response accept(@PathParam("id") long id, String body) {
        Application a = desk.accept(id, requests.read(body, Requests.Accept.class), StaffActors.of(identity));
        return Response.ok(new Accepted(a.status().code(), a.toleranceDue(), a.dueOn(), a.version(), a)).build();
    }

    /** The accept answer: the contract's status and deadline, plus the whole application. */
    public record Accepted(String status, java.time.LocalDate deadline, java.time.LocalDate dueOn, int version,
            Application application) {
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Hand back with the one-time notice ({version, override?: {reason}}; the reason is required "
            + "when the rules would accept)")
    public Application giveBack(@PathParam("id") long id, String body) {
        return desk.giveBack(id, requests.read(body, Requests.GiveBack.class), StaffActors.of(identity));
    }

    @POST
    @Path("/{id}/overrides")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Propose to accept what the rules call incomplete: {version, reason: verified-electronically|"
            + "held-by-department|urgent-instruction|other, note, basis}. 422 naming the rule for a key material, bad "
            + "credit, or unknown credit the tolerance table does not allow; a supervisor approves the rest")
    public Response propose(@PathParam("id") long id, String body) {
        Application a = overrides.propose(id, requests.read(body, Requests.OverrideProposal.class),
                StaffActors.of(identity));
        return Response.status(201).entity(a).build();
    }

    @POST
    @Path("/{id}/overrides/{n}/approve")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A supervisor (not the proposer) approves override n ({version?, comment?}): the application "
            + "is accepted with tolerance")
    public Response approve(@PathParam("id") long id, @PathParam("n") int n, String body) {
        Application a = overrides.approve(id, n, requests.read(body, Requests.OverrideAnswer.class),
                StaffActors.of(identity));
        return Response.ok(new Accepted(a.status().code(), a.toleranceDue(), a.dueOn(), a.version(), a)).build();
    }

    @POST
    @Path("/{id}/overrides/{n}/reject")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A supervisor rejects override n ({version?, comment} — the comment is required)")
    public Application reject(@PathParam("id") long id, @PathParam("n") int n, String body) {
        return overrides.reject(id, n, requests.read(body, Requests.OverrideAnswer.class), StaffActors.of(identity));
    }

    @POST
    @Path("/{id}/departments/{department}/decision")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "A department's decision: {version, decision: approve|reject|supplement, reason}; 409 when "
            + "approving would make the result ready while a tolerated material is outstanding")
    public Application decide(@PathParam("id") long id, @PathParam("department") String department, String body) {
        return backOffice.decide(id, department, requests.read(body, Requests.Decision.class), StaffActors.of(identity));
    }

    @POST
    @Path("/{id}/departments/{department}/supplied")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "The supplement a department asked for has been handed in: {version}")
    public Application supplied(@PathParam("id") long id, @PathParam("department") String department, String body) {
        return backOffice.supplementSupplied(id, department, requests.read(body, Requests.Versioned.class),
                StaffActors.of(identity));
    }

    @POST
    @Path("/{id}/deliver")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "The result was handed over at the unified window: {version}; 409 while a tolerated material "
            + "is outstanding, unless the matter's rules allow delivery first")
    public Application deliver(@PathParam("id") long id, String body) {
        return backOffice.deliver(id, requests.read(body, Requests.Versioned.class), StaffActors.of(identity));
    }
}
