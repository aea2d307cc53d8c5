package org.onewindow.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.staff.ClientAddress;
import org.onewindow.staff.Roles;
import org.onewindow.staff.StaffAccounts;
import org.onewindow.staff.StaffDirectory;
import org.onewindow.staff.StaffUser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** Staff accounts, for administrators (HTTP Basic); and any member of staff's own password. */
@Path("/api/staff")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class StaffResource {

    @Inject
    StaffDirectory directory;

    @Inject
    StaffAccounts accounts;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    @Inject
    ObjectMapper mapper;

    @GET
    @Operation(summary = "Every staff account (never the password)")
    public List<StaffUser> list() {
        return directory.list();
    }

    @POST
    @Operation(summary = "Create an account: {username, password (12 to 72 bytes, not a common one), name, "
            + "roles: [admin|clerk|reviewer|policy|tester], department (a department code, required for a reviewer)}")
    public Response create(String body) {
        JsonNode json = JsonBodies.object(mapper, body);
        return accounts.create(text(json, "username", true), text(json, "password", true), text(json, "name", true),
                roles(json, true), text(json, "department", false), actor())
                .map(user -> Response.status(201).entity(user).build())
                .orElseGet(() -> ApiExceptionMappers.json(409, new ApiError("exists", "an account '"
                        + json.get("username").asText() + "' exists already", "username")));
    }

    @PUT
    @Path("/{username}")
    @Operation(summary = "Change an account: any of {name, roles, department, active}; taking rights away ends its "
            + "sessions at once")
    public StaffUser update(@PathParam("username") String username, String body) {
        JsonNode json = JsonBodies.object(mapper, body);
        JsonNode active = json.get("active");
        if (active != null && !active.isNull() && !active.isBoolean()) {
            throw new InvalidInputException("active", "must be true or false");
        }
        return accounts.update(username, text(json, "name", false), roles(json, false), text(json, "department", false),
                json.has("department"), active == null || active.isNull() ? null : active.booleanValue(), actor());
    }

    @POST
    @Path("/{username}/password")
    @Operation(summary = "Reset someone's password: {password}; their sessions end")
    public Response reset(@PathParam("username") String username, String body) {
        accounts.resetPassword(username, text(JsonBodies.object(mapper, body), "password", true), actor());
        return Response.noContent().build();
    }

    @POST
    @Path("/me/password")
    @Authenticated
    @Operation(summary = "Change your own password: {current, password}; your other sessions end")
    public Response changeOwn(String body) {
        JsonNode json = JsonBodies.object(mapper, body);
        accounts.changeOwnPassword(actor(), text(json, "current", true), text(json, "password", true),
                ClientAddress.of(routing), null);
        return Response.noContent().build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static List<String> roles(JsonNode json, boolean required) {
        JsonNode node = json.get("roles");
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidInputException("roles", "a non-empty list of " + Roles.ALL);
            }
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidInputException("roles", "a non-empty list of " + Roles.ALL);
        }
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new InvalidInputException("roles[" + i + "]", "must be a role name");
            }
            roles.add(node.get(i).asText());
        }
        return roles;
    }

    private static String text(JsonNode json, String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        if (!node.isTextual() || (required && node.asText().isBlank())) {
            throw new InvalidInputException(field, "must be a non-empty string");
        }
        return node.asText();
    }
}
