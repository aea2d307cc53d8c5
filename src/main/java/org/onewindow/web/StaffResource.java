package org.onewindow.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.staff.Roles;
import org.onewindow.staff.StaffDirectory;
import org.onewindow.staff.StaffUser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Staff accounts, for administrators (HTTP Basic). */
@Path("/api/staff")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class StaffResource {

    private static final int MIN_PASSWORD = 8;

    @Inject
    StaffDirectory directory;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    ObjectMapper mapper;

    @GET
    @Operation(summary = "Every staff account (never the password)")
    public List<StaffUser> list() {
        return directory.list();
    }

    @POST
    @Operation(summary = "Create an account: {username, password (8+), name, roles: [admin|clerk|reviewer|policy|tester], "
            + "department (a department code, required for a reviewer)}")
    public Response create(String body) {
        JsonNode json = JsonBodies.object(mapper, body);
        String username = text(json, "username", true);
        if (!username.matches("[a-z][a-z0-9._-]{2,63}")) {
            throw new InvalidInputException("username", "3 to 64 characters: lower-case letters, digits, . _ - (a letter first)");
        }
        String password = text(json, "password", true);
        if (password.length() < MIN_PASSWORD || password.length() > 72) {
            throw new InvalidInputException("password", "8 to 72 characters");
        }
        String name = text(json, "name", true);
        if (name.length() > 100) {
            throw new InvalidInputException("name", "at most 100 characters");
        }
        JsonNode rolesNode = json.get("roles");
        if (rolesNode == null || !rolesNode.isArray() || rolesNode.isEmpty()) {
            throw new InvalidInputException("roles", "a non-empty list of " + Roles.ALL);
        }
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < rolesNode.size(); i++) {
            String role = rolesNode.get(i).asText();
            if (!Roles.ALL.contains(role)) {
                throw new InvalidInputException("roles[" + i + "]", "unknown role '" + role + "'; roles: " + Roles.ALL);
            }
            roles.add(role);
        }
        String department = text(json, "department", false);
        if (department != null && catalogues.current().department(department).isEmpty()) {
            throw new InvalidInputException("department", "unknown department code '" + department + "'");
        }
        if (roles.contains(Roles.REVIEWER) && department == null) {
            throw new InvalidInputException("department", "a reviewer decides for one department: give its code");
        }
        if (!directory.create(username, password, name, roles, department)) {
            return ApiExceptionMappers.json(409, new ApiError("exists", "an account '" + username + "' exists already",
                    "username"));
        }
        return Response.status(201).entity(directory.find(username).orElseThrow()).build();
    }

    private static String text(JsonNode json, String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidInputException(field, "must be a non-empty string");
        }
        return node.asText().strip();
    }
}
