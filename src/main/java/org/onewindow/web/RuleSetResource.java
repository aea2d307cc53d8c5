package org.onewindow.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.decision.FeelSyntax;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.policy.ChangeImpact;
import org.onewindow.policy.PublishGate;
import org.onewindow.policy.Release;
import org.onewindow.policy.ReleaseStore;
import org.onewindow.policy.RuleSetConsole;
import org.onewindow.staff.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Rule governance for scripts (HTTP Basic): versions, drafts, files, the publish gate, the change
 * impact, row diffs, publishing for a day, rollback and the audit trail. Policy staff edit and
 * publish, testers read and run, administrators do everything.
 */
@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    private static final String[] READERS = {Roles.POLICY, Roles.TESTER, Roles.ADMIN};

    @Inject
    RuleSetConsole console;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    @GET
    @RolesAllowed({Roles.POLICY, Roles.TESTER, Roles.ADMIN})
    @Operation(summary = "Every rule-set version: drafts, scheduled, active and superseded, newest first")
    public List<Release> list() {
        return console.list();
    }

    @POST
    @Path("/drafts")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Operation(summary = "A new draft copied from a version ({\"from\": id, \"comment\"}; default: the active version)")
    public Response createDraft(String body) {
        JsonNode request = JsonBodies.objectOrEmpty(mapper, body);
        JsonNode from = request.get("from");
        if (from != null && !from.isNull() && !from.canConvertToLong()) {
            throw new InvalidInputException("from", "a version id");
        }
        Release draft = console.createDraft(from == null || from.isNull() ? null : from.asLong(), text(request, "comment"),
                user());
        return Response.status(201).entity(draft).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.POLICY, Roles.TESTER, Roles.ADMIN})
    @Operation(summary = "One rule-set version")
    public Release get(@PathParam("id") String id) {
        return console.get(id(id));
    }

    @GET
    @Path("/{id}/files")
    @RolesAllowed({Roles.POLICY, Roles.TESTER, Roles.ADMIN})
    @Operation(summary = "The rule files of a version, by path")
    public List<String> files(@PathParam("id") String id) {
        return List.copyOf(console.files(id(id)).keySet());
    }

    @GET
    @Path("/{id}/files/{name: .+}")
    @Produces({MediaType.APPLICATION_XML, MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.POLICY, Roles.TESTER, Roles.ADMIN})
    @Operation(summary = "One rule file of a version")
    public Response file(@PathParam("id") String id, @PathParam("name") String name) {
        byte[] content = console.file(id(id), name);
        return Response.ok(content).type(name.endsWith(".dmn") ? "application/xml; charset=UTF-8"
                : "text/plain; charset=UTF-8").build();
    }

    @PUT
    @Path("/{id}/files/{name: .+}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Operation(summary = "Replace a rule file of a draft (409 for a published version); XML with a DTD or entities is refused (400)")
    public Map<String, Object> putFile(@PathParam("id") String id, @PathParam("name") String name, byte[] content) {
        long version = id(id);
        console.putFile(version, name, content, user());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", version);
        body.put("file", name);
        body.put("bytes", content.length);
        return body;
    }

    @POST
    @Path("/{id}/validate")
    @RolesAllowed({Roles.POLICY, Roles.TESTER, Roles.ADMIN})
    @Operation(summary = "Run the publish gate: safe XML, compilation, quality gate and static checks, every scenario, 100% coverage")
    public PublishGate.Report validate(@PathParam("id") String id) {
        return console.validate(id(id), user());
    }

    @GET
    @Path("/{id}/impact")
    @RolesAllowed({Roles.POLICY, Roles.TESTER, Roles.ADMIN})
    @Operation(summary = "What the version would change against the active one: scenarios and recent recorded intakes")
    public ChangeImpact.Report impact(@PathParam("id") String id, @QueryParam("recent") String recent) {
        return console.impact(id(id), recent == null ? null : EdgeChecks.wholeNumber(recent, "recent", 200, 0, 5000));
    }

    @GET
    @Path("/{a}/diff/{b}")
    @RolesAllowed({Roles.POLICY, Roles.TESTER, Roles.ADMIN})
    @Operation(summary = "Row-level difference between two versions, rows named by their DMN rule id")
    public Map<String, Object> diff(@PathParam("a") String a, @PathParam("b") String b) {
        return Map.of("rows", console.diff(id(a), id(b)));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Operation(summary = "Publish a draft from a day ({\"effectiveFrom\", \"comment\"}); 409 with the problems when the gate fails; 403 for its last editor")
    public Release publish(@PathParam("id") String id, String body) {
        JsonNode request = JsonBodies.object(mapper, body);
        return console.publish(id(id), date(request, "effectiveFrom"), text(request, "comment"), user());
    }

    @POST
    @Path("/{id}/rollback")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Operation(summary = "Publish this earlier version's content again as a new version ({\"effectiveFrom\"?, \"comment\"})")
    public Release rollback(@PathParam("id") String id, String body) {
        JsonNode request = JsonBodies.object(mapper, body);
        return console.rollback(id(id), date(request, "effectiveFrom"), text(request, "comment"), user());
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.POLICY, Roles.TESTER, Roles.ADMIN})
    @Operation(summary = "Who created, edited, validated and published the version, when and why")
    public List<ReleaseStore.AuditEntry> audit(@PathParam("id") String id) {
        return console.audit(id(id));
    }

    @POST
    @Path("/{id}/export")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Write the version's rule files into the rules folder (for git); {\"comment\"} says why (required)")
    public Map<String, Object> export(@PathParam("id") String id, String body) {
        String comment = text(JsonBodies.objectOrEmpty(mapper, body), "comment");
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment", "say why the version is exported (it replaces the rules folder)");
        }
        java.nio.file.Path folder = console.export(id(id), comment.strip(), user());
        return Map.of("exported", id(id), "folder", folder.getFileName() == null ? "" : folder.getFileName().toString());
    }

    @GET
    @Path("/feel")
    @RolesAllowed({Roles.POLICY, Roles.TESTER, Roles.ADMIN})
    @Operation(summary = "Check one table cell with the FEEL engine: kind=input (unary tests) or output (expression)")
    public Map<String, Object> feel(@QueryParam("text") String text, @QueryParam("kind") String kind) {
        return feelCheck(text, kind);
    }

    static Map<String, Object> feelCheck(String text, String kind) {
        if (!"input".equals(kind) && !"output".equals(kind)) {
            throw new InvalidInputException("kind", "input or output");
        }
        String problem = "input".equals(kind) ? FeelSyntax.inputEntryProblem(text) : FeelSyntax.outputEntryProblem(text);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", problem == null);
        body.put("error", problem);
        return body;
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    static long id(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidInputException("id", "a version id (a positive whole number)");
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "must be text");
        }
        return value.asText();
    }

    static LocalDate date(JsonNode request, String field) {
        String text = text(request, field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date YYYY-MM-DD");
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
