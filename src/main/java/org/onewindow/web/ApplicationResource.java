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
import org.onewindow.casework.ApplicationStatus;
import org.onewindow.casework.CaseworkService;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.staff.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Applications (办件) for the clerk desk and the departments — HTTP Basic for scripts; the console
 * pages use the same service. Every change names the {@code version} it was decided on.
 */
@Path("/api/applications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ADMIN})
public class ApplicationResource {

    private static final int MAX_LIMIT = 200;

    @Inject
    CaseworkService casework;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    @POST
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Start an application from a kiosk/online reference or from matters/event, for an identified "
            + "applicant. A repeated Idempotency-Key returns the first application.")
    public Response create(String body, @HeaderParam("Idempotency-Key") String key) {
        CaseworkService.Created created = casework.create(JsonBodies.parse(mapper, body), key,
                StaffActors.of(identity));
        return Response.status(201).entity(created.application())
                .header("Location", "/api/applications/" + created.application().id())
                .header("Idempotent-Replayed", created.replayed() ? "true" : null).build();
    }

    @GET
    @Operation(summary = "The queue: newest first; status (repeatable) and q (number, applicant ID or name, "
            + "kiosk reference) filter it")
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
        return casework.queue(statuses, q, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The application with its checklist, department tasks, timeline and deadline standing")
    public Application get(@PathParam("id") long id) {
        return casework.get(id);
    }

    @PUT
    @Path("/{id}/materials/{code}")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Check an item in: {state: received|missing|pending, form?, version}; after acceptance "
            + "\"received\" on a tolerated item records it as supplied")
    public Application material(@PathParam("id") long id, @PathParam("code") String code, String body) {
        JsonNode json = object(body);
        return casework.setMaterial(id, code, text(json, "state"), text(json, "form"), version(json, false),
                StaffActors.of(identity));
    }

    @POST
    @Path("/{id}/check")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Completeness by the rules: complete | tolerable | incomplete, what is missing, the notice")
    public CaseworkService.Check check(@PathParam("id") long id) {
        return casework.check(id);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Accept ({version, override?: {reason}}): 409 if the version is stale, 422 with the one-time "
            + "notice when the rules refuse")
    public Response accept(@PathParam("id") long id, String body) {
        JsonNode json = object(body);
        Application a = casework.accept(id, version(json, true), overrideReason(json), StaffActors.of(identity));
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
        JsonNode json = object(body);
        return casework.giveBack(id, version(json, true), overrideReason(json), StaffActors.of(identity));
    }

    @POST
    @Path("/{id}/departments/{department}/decision")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "A department's decision: {version, decision: approve|reject|supplement, reason}")
    public Application decide(@PathParam("id") long id, @PathParam("department") String department, String body) {
        JsonNode json = object(body);
        return casework.decide(id, department, version(json, true), text(json, "decision"), text(json, "reason"),
                StaffActors.of(identity));
    }

    @POST
    @Path("/{id}/departments/{department}/supplied")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "The supplement a department asked for has been handed in: {version}")
    public Application supplied(@PathParam("id") long id, @PathParam("department") String department, String body) {
        return casework.supplementSupplied(id, department, version(object(body), true), StaffActors.of(identity));
    }

    @POST
    @Path("/{id}/deliver")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "The result was handed over at the unified window: {version}")
    public Application deliver(@PathParam("id") long id, String body) {
        return casework.deliver(id, version(object(body), true), StaffActors.of(identity));
    }

    private JsonNode object(String body) {
        return JsonBodies.objectOrEmpty(mapper, body);
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return node.asText();
    }

    private static Integer version(JsonNode json, boolean required) {
        JsonNode node = json.get("version");
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidInputException("version", "give the version you are changing (from the last read)");
            }
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0) {
            throw new InvalidInputException("version", "must be a non-negative integer");
        }
        return node.asInt();
    }

    private static String overrideReason(JsonNode json) {
        JsonNode override = json.get("override");
        if (override == null || override.isNull()) {
            return null;
        }
        if (!override.isObject()) {
            throw new InvalidInputException("override", "must be an object {reason}");
        }
        JsonNode reason = override.get("reason");
        if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
            throw new InvalidInputException("override.reason", "an override needs a reason; it is recorded");
        }
        return reason.asText();
    }
}
