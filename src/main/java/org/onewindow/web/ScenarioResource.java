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
import org.onewindow.scenario.ScenarioService;
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

    @GET
    @Operation(summary = "The scenario files in rules/scenarios")
    public List<String> files() {
        return scenarios.files();
    }

    @POST
    @Path("/run")
    @Operation(summary = "Run scenarios: {} runs the whole suite, {\"file\": \"x.yaml\"} one file, "
            + "{\"scenarios\": [...]} or {\"table\": {...}} scenarios given inline")
    public SuiteResult run(String body) {
        JsonNode request = JsonBodies.objectOrEmpty(mapper, body);
        if (request.has("scenarios") || request.has("table")) {
            return scenarios.runInline(request.toString());
        }
        JsonNode file = request.get("file");
        if (file != null && !file.isTextual()) {
            throw new InvalidInputException("file", "must be a file name");
        }
        return scenarios.run(file == null ? null : file.asText());
    }

    @GET
    @Path("/checks")
    @Operation(summary = "Static checks of the decision tables: overlaps, gaps, shadowed rows, domain invariants")
    public TableChecks.Report checks() {
        return scenarios.checks();
    }

    @GET
    @Path("/drafts")
    @Produces("text/csv")
    @Operation(summary = "Draft scenarios (CSV, table form) for every rule the shipped suite does not fire — to review")
    public String drafts() {
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
        return scenarios.importCsv(csv);
    }

}
