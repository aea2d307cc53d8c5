package org.onewindow.web;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.scenario.ScenarioResult;
import org.onewindow.scenario.ScenarioService;
import org.onewindow.scenario.SuiteResult;
import org.onewindow.scenario.TableChecks;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The scenario runner for testers: run the whole suite or one file, see expected against actual,
 * show only the failures, read the coverage and the static checks. A GET with the run's choices
 * in the URL, so a run can be linked and re-run.
 */
@Path("/scenarios")
@Produces(MediaType.TEXT_HTML)
@jakarta.annotation.security.RolesAllowed({org.onewindow.staff.Roles.TESTER, org.onewindow.staff.Roles.POLICY,
        org.onewindow.staff.Roles.ADMIN})
public class ScenarioPage {

    @CheckedTemplate(basePath = "tester")
    static class Templates {
        static native TemplateInstance scenarios(List<String> files, String file, boolean failuresOnly, SuiteResult run,
                List<ScenarioResult> shown, TableChecks.Report checks, String lang);
    }

    @Inject
    ScenarioService scenarios;

    @GET
    @Operation(hidden = true)
    public Response page(@QueryParam("run") String run, @QueryParam("file") String file,
            @QueryParam("failures") String failures, @QueryParam("checks") String checks,
            @QueryParam("lang") String langParam, @jakarta.ws.rs.CookieParam(Languages.COOKIE) String langCookie) {
        String lang = Languages.resolve(langParam, langCookie);
        String selected = file == null || file.isBlank() ? null : file;
        boolean failuresOnly = failures != null;
        SuiteResult result = run == null ? null : scenarios.run(selected);
        List<ScenarioResult> shown = result == null ? List.of()
                : result.results().stream().filter(r -> !failuresOnly || !r.passed()).toList();
        TableChecks.Report report = checks == null ? null : scenarios.checks();
        return Response.ok(Templates.scenarios(scenarios.files(), selected, failuresOnly, result, shown, report, lang)
                .setLocale(Languages.locale(lang))).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(Languages.cookie(lang)).build();
    }
}
