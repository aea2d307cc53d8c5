package org.onewindow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.decision.ReloadResult;
import org.onewindow.decision.RuleSetRegistry;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.QualityGate;
import org.onewindow.intake.QualityReport;
import org.onewindow.staff.Roles;

/**
 * The serving rule set, and the reload call (administrators only: it recompiles everything). A reload
 * that fails answers 422 with every problem (file, line, reason); the old rules keep serving.
 */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    @Inject
    RuleSetRegistry rules;

    @Inject
    CatalogueRegistry catalogues;

    @GET
    @Operation(summary = "The serving rule-set version and the problems of the last refused reload")
    public Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serving", rules.ready() ? rules.current().version() : null);
        // every version this node serves, by day; a version it could not compile is missing here and named in lastProblems
        body.put("timeline", rules.timeline().stream().map(s -> Map.of("id", s.id(), "version", s.version(),
                "effectiveFrom", s.from().toString())).toList());
        // the folder's name only: its absolute path tells an outsider about the server's file system
        body.put("folder", rules.folder() == null || rules.folder().getFileName() == null ? null
                : rules.folder().getFileName().toString());
        body.put("lastProblems", rules.lastProblems());
        body.put("knowledgeBase", catalogues.ready() ? catalogues.current().version() : null);
        body.put("knowledgeBaseProblems", catalogues.lastProblems());
        return body;
    }

    @GET
    @Path("/quality")
    @Operation(summary = "The knowledge-base quality gate over the serving knowledge base and rules")
    public QualityReport quality() {
        var catalogue = catalogues.current();
        var ruleSet = rules.current();
        return quality.get(catalogue.version(), ruleSet.version().version(), () -> new QualityGate(catalogue, ruleSet).run());
    }

    private final PerVersion<QualityReport> quality = new PerVersion<>();

    @Inject
    org.onewindow.policy.RuleSetConsole console;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish the rules folder as a new version from today if it passes the publish gate (admin only)")
    public Response reload() {
        ReloadResult result = console.reloadFolder(identity.getPrincipal().getName());
        return Response.status(result.published() ? 200 : 422).entity(result).build();
    }
}
