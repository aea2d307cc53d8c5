package org.onewindow.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.decision.FeelSyntax;
import org.onewindow.decision.RuleSetRegistry;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.platform.PolicyMessages;
import org.onewindow.policy.ChangeImpact;
import org.onewindow.policy.DmnTables;
import org.onewindow.policy.PolicyException;
import org.onewindow.policy.PublishGate;
import org.onewindow.policy.Release;
import org.onewindow.policy.ReleaseStore;
import org.onewindow.policy.RowDiff;
import org.onewindow.policy.RuleSetConsole;
import org.onewindow.staff.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The policy console in the browser ({@code /policy}): versions, drafts, a table editor on the
 * reshaped tables (Chinese headers, choices from the knowledge base, FEEL checked as one types),
 * the full KIE DMN editor, the publish gate, the change impact, row diffs, publishing for a day,
 * rollback and the audit trail. Server-rendered forms with CSRF tokens; the same service as the
 * API ({@link RuleSetConsole}).
 */
@Path("/policy")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.POLICY, Roles.TESTER, Roles.ADMIN})
public class PolicyPages {

    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    private static final List<String> REQUIRED_NOTES = List.of("reason", "reasonEn", "basis");

    @CheckedTemplate(basePath = "policy")
    static class Templates {
        static native TemplateInstance index(PolicyViews.Page page, List<Release> versions, RuleSetRegistry.Slot serving,
                List<org.onewindow.decision.RuleProblem> problems);

        static native TemplateInstance version(PolicyViews.Page page, Release version, List<PolicyViews.FileTables> files,
                List<ReleaseStore.AuditEntry> audit, List<Release> others, PublishGate.Report report, String tomorrow);

        static native TemplateInstance table(PolicyViews.Page page, Release version, String file, DmnTables.Table table,
                List<PolicyViews.GridColumn> columns, List<PolicyViews.GridRow> rows, List<String> errors);

        static native TemplateInstance impact(PolicyViews.Page page, Release version, ChangeImpact.Report impact);

        static native TemplateInstance diff(PolicyViews.Page page, long a, long b, List<RowDiff.Change> rows);

        static native TemplateInstance editor(PolicyViews.Page page, Release version, String file);
    }

    @Inject
    RuleSetConsole console;

    @Inject
    RuleSetRegistry registry;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    SecurityIdentity identity;

    @Inject
    CsrfTokens csrf;

    @QueryParam("lang")
    String langParam;

    @CookieParam(Languages.COOKIE)
    String langCookie;

    @QueryParam("done")
    String done;

    @QueryParam("error")
    String error;

    @GET
    @Operation(hidden = true)
    public Response index() {
        return render(Templates.index(page(), console.list(), registry.slot(registry.today()).orElse(null),
                registry.lastProblems()));
    }

    @POST
    @Path("drafts")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createDraft(MultivaluedMap<String, String> form) {
        csrf.verify(form);
        String from = form.getFirst("from");
        try {
            Release draft = console.createDraft(from == null || from.isBlank() ? null : RuleSetResource.id(from),
                    form.getFirst("comment"), user());
            return redirect("/policy/versions/" + draft.id() + "?done=created");
        } catch (InvalidInputException | PolicyException e) {
            return redirect("/policy?error=" + ClerkPages.enc(e.getMessage()));
        }
    }

    @GET
    @Path("versions/{id}")
    @Operation(hidden = true)
    public Response version(@PathParam("id") String id) {
        return render(versionPage(RuleSetResource.id(id), null));
    }

    @POST
    @Path("versions/{id}/validate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response validate(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        long version = RuleSetResource.id(id);
        return render(versionPage(version, console.validate(version, user())));
    }

    @GET
    @Path("versions/{id}/impact")
    @Operation(hidden = true)
    public Response impact(@PathParam("id") String id) {
        long version = RuleSetResource.id(id);
        return render(Templates.impact(page(), console.get(version), console.impact(version, null)));
    }

    @POST
    @Path("versions/{id}/publish")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response publish(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        long version = RuleSetResource.id(id);
        try {
            console.publish(version, date(form.getFirst("effectiveFrom")), form.getFirst("comment"), user());
            return redirect("/policy/versions/" + version + "?done=published");
        } catch (PolicyException e) {
            if (e.extra().get("problems") instanceof List<?> problems) {
                @SuppressWarnings("unchecked")
                List<org.onewindow.decision.RuleProblem> list = (List<org.onewindow.decision.RuleProblem>) problems;
                PublishGate.Report failed = new PublishGate.Report(false, list, (PublishGate.Scenarios) e.extra()
                        .get("scenarios"), (PublishGate.CoverageCount) e.extra().get("coverage"), null, null);
                return Response.status(409).entity(versionPage(version, failed).setLocale(Languages.locale(lang())))
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
            }
            return redirect("/policy/versions/" + version + "?error=" + ClerkPages.enc(e.getMessage()));
        } catch (InvalidInputException e) {
            return redirect("/policy/versions/" + version + "?error=" + ClerkPages.enc(e.field() + ": " + e.getMessage()));
        }
    }

    @POST
    @Path("versions/{id}/rollback")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rollback(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        long version = RuleSetResource.id(id);
        try {
            Release made = console.rollback(version, date(form.getFirst("effectiveFrom")), form.getFirst("comment"), user());
            return redirect("/policy/versions/" + made.id() + "?done=rolledback");
        } catch (PolicyException e) {
            return redirect("/policy/versions/" + version + "?error=" + ClerkPages.enc(e.getMessage()));
        } catch (InvalidInputException e) {
            return redirect("/policy/versions/" + version + "?error=" + ClerkPages.enc(e.field() + ": " + e.getMessage()));
        }
    }

    @GET
    @Path("diff")
    @Operation(hidden = true)
    public Response diff(@QueryParam("a") String a, @QueryParam("b") String b) {
        long from = RuleSetResource.id(a);
        long to = RuleSetResource.id(b);
        return render(Templates.diff(page(), from, to, console.diff(from, to)));
    }

    // --- the table editor ---------------------------------------------------------------------

    @GET
    @Path("versions/{id}/table")
    @Operation(hidden = true)
    public Response table(@PathParam("id") String id, @QueryParam("file") String file,
            @QueryParam("decision") String decision) {
        long version = RuleSetResource.id(id);
        DmnTables.Table table = table(version, file, decision);
        List<PolicyViews.GridColumn> columns = columns(table);
        List<PolicyViews.GridRow> rows = table.rows().stream().map(r -> {
            List<String> cells = new ArrayList<>(r.inputs());
            cells.addAll(r.outputs());
            table.annotations().forEach(a -> cells.add(r.annotations().getOrDefault(a, "")));
            return new PolicyViews.GridRow(r.id(), cells, Map.of());
        }).toList();
        return render(Templates.table(page(), console.get(version), file, table, columns, rows, List.of()));
    }

    /**
     * Saves the grid into the draft's DMN file. Every cell is checked with the FEEL engine and every
     * row must have its id, reason, English reason and basis; with any problem the grid comes back
     * as typed, with the problems, and nothing is saved.
     */
    @POST
    @Path("versions/{id}/table")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveTable(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        long version = RuleSetResource.id(id);
        String file = form.getFirst("file");
        String decision = form.getFirst("decision");
        DmnTables.Table table = table(version, file, decision);
        List<PolicyViews.GridColumn> columns = columns(table);
        PolicyMessages pc = messages();
        List<String> ids = form.getOrDefault("id", List.of());
        List<PolicyViews.GridRow> rows = new ArrayList<>();
        List<DmnTables.Row> written = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < ids.size(); r++) {
            String ruleId = ids.get(r).strip();
            List<String> cells = new ArrayList<>();
            Map<Integer, String> cellErrors = new LinkedHashMap<>();
            for (PolicyViews.GridColumn c : columns) {
                List<String> values = form.getOrDefault(c.field(), List.of());
                String value = r < values.size() ? values.get(r).strip() : "";
                cells.add(value);
                String problem = switch (c.kind()) {
                    case "input" -> FeelSyntax.inputEntryProblem(value);
                    case "output" -> FeelSyntax.outputEntryProblem(value);
                    default -> REQUIRED_NOTES.contains(c.field().substring(5)) && value.isBlank()
                            ? String.valueOf(pc.required_annotation(c.label())) : null;
                };
                if (problem != null) {
                    cellErrors.put(c.index(), problem);
                    errors.add(pc.cell_error(r + 1, c.label(), problem));
                }
            }
            if (!RULE_ID.matcher(ruleId).matches()) {
                errors.add(pc.row_error(r + 1, pc.bad_id()));
            } else if (!seen.add(ruleId)) {
                errors.add(pc.row_error(r + 1, pc.duplicate_id(ruleId)));
            }
            rows.add(new PolicyViews.GridRow(ruleId, cells, cellErrors));
            int in = table.inputs().size();
            int out = table.outputs().size();
            Map<String, String> notes = new LinkedHashMap<>();
            for (int a = 0; a < table.annotations().size(); a++) {
                notes.put(table.annotations().get(a), cells.get(in + out + a));
            }
            written.add(new DmnTables.Row(ruleId, cells.subList(0, in), cells.subList(in, in + out), notes));
        }
        Release release = console.get(version);
        if (!release.draft()) {
            errors.add(pc.draft_only());
        }
        if (errors.isEmpty()) {
            try {
                byte[] xml = DmnTables.write(console.file(version, file), decision, written);
                console.putFile(version, file, xml, user());
                return redirect("/policy/versions/" + version + "/table?file=" + ClerkPages.enc(file) + "&decision="
                        + ClerkPages.enc(decision) + "&done=saved");
            } catch (PolicyException | InvalidInputException | IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return Response.status(400).entity(Templates.table(page(), release, file, table, columns, rows, errors)
                .setLocale(Languages.locale(lang()))).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** FEEL checked as policy staff type (the grid's script asks this for each changed cell). */
    @GET
    @Path("feel")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> feel(@QueryParam("text") String text, @QueryParam("kind") String kind) {
        return RuleSetResource.feelCheck(text, kind);
    }

    // --- the full KIE DMN editor ------------------------------------------------------------------

    @GET
    @Path("versions/{id}/editor")
    @Operation(hidden = true)
    public Response editor(@PathParam("id") String id, @QueryParam("file") String file) {
        long version = RuleSetResource.id(id);
        console.file(version, dmnFile(file));
        return render(Templates.editor(page(), console.get(version), file));
    }

    @GET
    @Path("versions/{id}/raw")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(hidden = true)
    public Response raw(@PathParam("id") String id, @QueryParam("file") String file) {
        return Response.ok(console.file(RuleSetResource.id(id), dmnFile(file))).type("application/xml; charset=UTF-8")
                .header("Cache-Control", "no-store").build();
    }

    /**
     * The full editor saves here: the DMN XML it produced (the request body, {@code ?file=}) replaces
     * the file in the draft. The page's CSRF token comes in the {@code X-CSRF-Token} header.
     */
    @POST
    @Path("versions/{id}/file")
    @RolesAllowed({Roles.POLICY, Roles.ADMIN})
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response saveFile(@PathParam("id") String id, @QueryParam("file") String file,
            @jakarta.ws.rs.HeaderParam("X-CSRF-Token") String token, byte[] content) {
        csrf.verifyHeader(token);
        console.putFile(RuleSetResource.id(id), file, content, user());
        return Response.ok(Map.of("saved", true)).build();
    }

    // --- helpers ------------------------------------------------------------------------------

    private TemplateInstance versionPage(long id, PublishGate.Report report) {
        Release version = console.get(id);
        List<PolicyViews.FileTables> files = new ArrayList<>();
        console.files(id).forEach((path, bytes) -> {
            List<DmnTables.Table> tables = List.of();
            if (path.endsWith(".dmn")) {
                try {
                    tables = DmnTables.read(bytes);
                } catch (IllegalArgumentException unreadable) {
                    // a draft file that is not well-formed: the gate says where
                }
            }
            files.add(new PolicyViews.FileTables(path, path.endsWith(".dmn"), tables));
        });
        return Templates.version(page(), version, files, console.audit(id),
                console.list().stream().filter(r -> r.id() != id).toList(), report,
                registry.today().plusDays(1).toString());
    }

    private static String dmnFile(String file) {
        if (file == null || !file.endsWith(".dmn")) {
            throw new InvalidInputException("file", "a DMN file of the version (name.dmn or folder/name.dmn)");
        }
        return file;
    }

    private DmnTables.Table table(long version, String file, String decision) {
        if (file == null || decision == null || !file.endsWith(".dmn")) {
            throw new InvalidInputException("file", "a DMN file and a decision");
        }
        return DmnTables.read(console.file(version, file), decision)
                .orElseThrow(() -> PolicyException.class.cast(new PolicyException(404, "not found",
                        "no decision table '" + decision + "' in " + file)));
    }

    private List<PolicyViews.GridColumn> columns(DmnTables.Table table) {
        Catalogue catalogue = catalogues.current();
        boolean en = "en".equals(lang());
        List<PolicyViews.GridColumn> columns = new ArrayList<>();
        int i = 0;
        for (int c = 0; c < table.inputs().size(); c++) {
            DmnTables.Column col = table.inputs().get(c);
            columns.add(new PolicyViews.GridColumn(i++, "in" + c, col.label(), col.description(), "input",
                    PolicyViews.choices(col, false, catalogue, en)));
        }
        for (int c = 0; c < table.outputs().size(); c++) {
            DmnTables.Column col = table.outputs().get(c);
            columns.add(new PolicyViews.GridColumn(i++, "out" + c, col.label(), col.description(), "output",
                    PolicyViews.choices(col, true, catalogue, en)));
        }
        PolicyMessages pc = messages();
        for (String a : table.annotations()) {
            String label = switch (a) {
                case "reason" -> pc.reason();
                case "reasonEn" -> pc.reasonEn();
                case "basis" -> pc.basis();
                default -> a;
            };
            columns.add(new PolicyViews.GridColumn(i++, "note." + a, label, a, "note", List.of()));
        }
        return columns;
    }

    private PolicyMessages messages() {
        return MessageBundles.get(PolicyMessages.class, Localized.Literal.of(lang()));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("effectiveFrom", "a date YYYY-MM-DD");
        }
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private String lang() {
        return Languages.resolve(langParam, langCookie);
    }

    private PolicyViews.Page page() {
        return new PolicyViews.Page(lang(), user(), done == null ? null : done.replaceAll("[^a-z]", ""), error,
                registry.today(), identity.hasRole(Roles.POLICY) || identity.hasRole(Roles.ADMIN),
                identity.hasRole(Roles.ADMIN));
    }

    private Response render(TemplateInstance template) {
        String lang = lang();
        return csrf.attach(Response.ok(template.setLocale(Languages.locale(lang)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store")
                .cookie(Languages.cookie(lang))).build();
    }

    private static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
