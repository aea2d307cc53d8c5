package org.onewindow.web;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.intake.InvalidInputException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.scenario.ScenarioFileException;
import org.onewindow.scenario.ScenarioService;
import org.onewindow.staff.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import org.onewindow.scenario.SuiteResult;
import org.onewindow.scenario.TableChecks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The scenario runner for testers: run files or inline scenarios, see coverage, move tables to CSV. */
@Path("/api/scenarios")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioResource {

    @Inject
    ScenarioService scenarios;

    @Inject
    ObjectMapper mapper;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "onewindow.scenarios.anonymous-max", defaultValue = "20")
    int anonymousMax;

    private static final int MAX_CSV = 1_000_000;

    private static String firstLine(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    @GET
    @Operation(summary = "The scenario files in rules/scenarios")
    public List<String> files() {
        return scenarios.files();
    }

    @POST
    @Path("/run")
    @Operation(summary = "Run scenarios: {} runs the whole suite, {\"file\": \"x.yaml\"} one file (both: tester, "
            + "policy or admin), {\"scenarios\": [...]} or {\"table\": {...}} scenarios given inline (at most 20 without a login)")
    public SuiteResult run(String body) {
        JsonNode request = JsonBodies.objectOrEmpty(mapper, body);
        if (request.has("scenarios") || request.has("table")) {
            int count = request.path("scenarios").size() + request.path("table").path("rows").size();
            if (!staff() && count > anonymousMax) {
                throw new InvalidInputException(request.has("scenarios") ? "scenarios" : "table.rows", "at most "
                        + anonymousMax + " scenarios per run without a login; testers may run more");
            }
            return scenarios.runInline(request.toString());
        }
        JsonNode file = request.get("file");
        if (file != null && !file.isTextual()) {
            throw new InvalidInputException("file", "must be a file name");
        }
        requireStaff(); // a file or the whole suite: hundreds of evaluations
        return scenarios.run(file == null ? null : file.asText());
    }

    /** Testers, policy staff and administrators may run files and the whole suite. */
    private boolean staff() {
        return !identity.isAnonymous() && (identity.hasRole(Roles.TESTER) || identity.hasRole(Roles.POLICY)
                || identity.hasRole(Roles.ADMIN));
    }

    private void requireStaff() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!staff()) {
            throw new ForbiddenException();
        }
    }

    @GET
    @Path("/checks")
    @Operation(summary = "Static checks of the decision tables: overlaps, gaps, shadowed rows, domain invariants")
    public TableChecks.Report checks() {
        return checks.get(catalogues.current().version(), rules.current().version().version(), scenarios::checks);
    }

    private final PerVersion<TableChecks.Report> checks = new PerVersion<>();

    @Inject
    org.onewindow.guide.CatalogueRegistry catalogues;

    @Inject
    org.onewindow.decision.RuleSetRegistry rules;

    @GET
    @Path("/drafts")
    @Produces("text/csv")
    @Operation(summary = "Draft scenarios (CSV, table form) for every rule the shipped suite does not fire — to review")
    public String drafts() {
        requireStaff(); // runs the whole suite to find what it does not cover
        return scenarios.draftsCsv();
    }

    @GET
    @Path("/{file}/csv")
    @Produces("text/csv")
    @Operation(summary = "A scenario file in the table form as CSV, for a spreadsheet")
    public String exportCsv(@PathParam("file") String file) {
        return scenarios.exportCsv(file);
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces("application/yaml")
    @Operation(summary = "CSV in the table form as a YAML scenario file (a `table:`), to save in rules/scenarios")
    public String importCsv(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidInputException("body", "a CSV with a header row is required");
        }
        String problem = EdgeChecks.textProblem(csv, MAX_CSV);
        if (problem != null) {
            throw new InvalidInputException("body", problem);
        }
        try {
            return scenarios.importCsv(csv);
        } catch (InvalidInputException | ScenarioFileException e) {
            throw e;
        } catch (RuntimeException e) {
            // the CSV and YAML readers throw their own exceptions for broken input (unbalanced quotes,
            // ragged rows, cells YAML cannot hold): the caller's mistake, named as such
            throw new InvalidInputException("body", "not a CSV in the table form: " + firstLine(e));
        }
    }

}
