package org.onewindow.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import org.onewindow.casework.Actor;
import org.onewindow.casework.Application;
import org.onewindow.casework.ApplicationIntake;
import org.onewindow.casework.ApplicationQueries;
import org.onewindow.casework.ApplicationStatus;
import org.onewindow.casework.BackOffice;
import org.onewindow.casework.CaseworkException;
import org.onewindow.casework.CompletenessCheck;
import org.onewindow.casework.Created;
import org.onewindow.casework.Desk;
import org.onewindow.casework.DeskCalendar;
import org.onewindow.casework.Escalation;
import org.onewindow.casework.Escalations;
import org.onewindow.casework.OverrideReason;
import org.onewindow.casework.Overrides;
import org.onewindow.casework.Rating;
import org.onewindow.casework.Ratings;
import org.onewindow.casework.Requests;
import org.onewindow.casework.Statistics;
import org.onewindow.casework.StatisticsService;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.intake.PendingQuestion;
import org.onewindow.search.SearchService;
import org.onewindow.staff.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The clerk console (/clerk): the queue and its scanner-friendly search, starting an application
 * (from a kiosk reference, or a matter found by name, pinyin or code), the check-in screen with one
 * click per item, acceptance, return, overrides and their supervisor, the departments' decisions,
 * delivery, the supervision board (督办, follow-ups) and the statistics. Server-rendered forms with
 * CSRF tokens; every action redirects back (post/redirect/get) with what happened, in words.
 */
@Path("/clerk")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.SUPERVISOR, Roles.ADMIN})
public class ClerkPages {

    private static final int MAX_MATCHES = 20;

    @CheckedTemplate(basePath = "clerk")
    static class Templates {
        static native TemplateInstance queue(ClerkViews.Desk desk, List<Application> applications, String q,
                String status, List<String> statuses);

        static native TemplateInstance start(ClerkViews.Desk desk, ClerkViews.StartForm form, String find,
                List<ClerkViews.Choice> matches, ClerkViews.Choice chosen, List<ClerkViews.Choice> events,
                List<PendingQuestion> questions, String key);

        static native TemplateInstance detail(ClerkViews.Desk desk, Application app, CompletenessCheck check,
                boolean canDesk, boolean canReview, boolean canSupervise, String myDepartment,
                List<TimelineWords.Line> timeline, List<String> reasons);

        static native TemplateInstance board(ClerkViews.Desk desk, List<Application> running, Map<String, Long> counts,
                List<Application> overrides, List<Escalation> escalations, List<Rating> followUps,
                boolean canSupervise);

        static native TemplateInstance statistics(ClerkViews.Desk desk, Statistics stats, String outcomes,
                String windows, String query, List<StatsSection> sections, String oneVisit);
    }

    /** One table of the statistics page: by window, by lead department or by matter. */
    record StatsSection(String id, String title, List<Statistics.Group> groups) {
    }

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
    Escalations escalations;

    @Inject
    Ratings ratings;

    @Inject
    StatisticsService statistics;

    @Inject
    DeskCalendar calendar;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    SearchService search;

    @Inject
    TypedRequests requests;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

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

    @QueryParam("why")
    String why;

    // --- the queue ---------------------------------------------------------------------------

    @GET
    @Operation(hidden = true)
    public Response queue(@QueryParam("q") String q, @QueryParam("status") String status) {
        List<ApplicationStatus> statuses = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            try {
                statuses.add(ApplicationStatus.of(status));
            } catch (IllegalArgumentException e) {
                status = null;
            }
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null) {
            // a scanned code: an application number opens it; a kiosk reference opens its application or starts one
            Optional<Application> byNumber = text.length() <= 40 ? queries.byNumber(text, actor()) : Optional.empty();
            if (byNumber.isPresent()) {
                return redirect("/clerk/applications/" + byNumber.get().id());
            }
            if (text.toUpperCase(Locale.ROOT).startsWith("OW-")) {
                List<Application> found = queries.queue(List.of(), text, 2, actor());
                return redirect(found.isEmpty() ? "/clerk/new?reference=" + enc(text.toUpperCase(Locale.ROOT))
                        : "/clerk/applications/" + found.get(0).id());
            }
        }
        List<Application> list = queries.queue(statuses, text, 100, actor());
        return render(Templates.queue(desk(), list, text, status, statusCodes()));
    }

    // --- starting an application -------------------------------------------------------------

    @GET
    @Path("new")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response start(@QueryParam("reference") String reference, @QueryParam("matter") String matter,
            @QueryParam("event") String event, @QueryParam("find") String find) {
        ClerkViews.StartForm form = new ClerkViews.StartForm(reference, matter, event, "person", null, null,
                Map.of(), null);
        return render(startPage(form, find, List.of(), null));
    }

    @POST
    @Path("applications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response create(MultivaluedMap<String, String> form) {
        csrf.verify(form);
        ClerkViews.StartForm start = ClerkViews.StartForm.of(form);
        ObjectNode body = start.body(mapper, catalogues.current());
        try {
            Created created = intake.create(body, form.getFirst("key"), actor());
            return redirect("/clerk/applications/" + created.application().id() + "?done=created");
        } catch (InvalidInputException e) {
            return render(startPage(start.withError(fieldError(e.field())), null, List.of(), form.getFirst("key")));
        } catch (CaseworkException e) {
            @SuppressWarnings("unchecked")
            List<PendingQuestion> questions = (List<PendingQuestion>) e.extra().getOrDefault("pendingQuestions", List.of());
            return render(startPage(questions.isEmpty() ? start.withError(errorText(e.error())) : start, null,
                    questions, form.getFirst("key")));
        }
    }

    /**
     * The start form; {@code key} is the idempotency key of this form, kept across re-renders, so
     * that a double click on "create" opens one application, not two. The matter is found by a
     * search (name, pinyin, code) rather than picked from a list of hundreds.
     */
    private TemplateInstance startPage(ClerkViews.StartForm form, String find, List<PendingQuestion> questions,
            String key) {
        Catalogue catalogue = catalogues.current();
        boolean en = en();
        List<ClerkViews.Choice> events = catalogue.events().stream()
                .map(e -> new ClerkViews.Choice(e.code(), Views.pick(en, e.name(), e.nameEn()))).toList();
        ClerkViews.Choice chosen = form.matter() == null ? null : catalogue.matter(form.matter())
                .map(m -> new ClerkViews.Choice(m.code(), Views.pick(en, m.name(), m.nameEn()))).orElse(null);
        String text = find == null || find.isBlank() ? null : find.strip();
        List<ClerkViews.Choice> matches = text == null ? List.of() : matches(catalogue, text.length() > 100
                ? text.substring(0, 100) : text, en);
        return Templates.start(desk(), form, text, matches, chosen, events, questions,
                key == null || key.isBlank() ? java.util.UUID.randomUUID().toString() : key);
    }

    /** Matters whose code starts with or contains the text, then the search index's (name, pinyin, synonyms). */
    private List<ClerkViews.Choice> matches(Catalogue catalogue, String text, boolean en) {
        Map<String, ClerkViews.Choice> found = new LinkedHashMap<>();
        String lower = text.toLowerCase(Locale.ROOT);
        catalogue.matters().stream().filter(m -> m.code().startsWith(lower) || m.code().contains(lower)
                || m.name().contains(text) || (m.catalogCode() != null && m.catalogCode().contains(text)))
                .sorted(Comparator.comparing((org.onewindow.guide.Matter m) -> !m.code().startsWith(lower))
                        .thenComparing(m -> m.code()))
                .limit(MAX_MATCHES)
                .forEach(m -> found.put(m.code(), new ClerkViews.Choice(m.code(), Views.pick(en, m.name(), m.nameEn()))));
        if (found.size() < MAX_MATCHES && search.ready()) {
            search.search(text, MAX_MATCHES, null, null).hits().stream().filter(h -> "matter".equals(h.kind()))
                    .forEach(h -> found.putIfAbsent(h.code(), new ClerkViews.Choice(h.code(),
                            Views.pick(en, h.name(), h.nameEn()))));
        }
        return found.values().stream().limit(MAX_MATCHES).toList();
    }

    // --- one application ---------------------------------------------------------------------

    @GET
    @Path("applications/{id}")
    @Operation(hidden = true)
    public Response detail(@PathParam("id") long id, @QueryParam("check") String check) {
        Application app;
        try {
            app = queries.get(id, actor());
        } catch (CaseworkException e) {
            if (e.status() == 404) {
                throw new jakarta.ws.rs.NotFoundException(e.getMessage());
            }
            throw new jakarta.ws.rs.ForbiddenException(e.getMessage());
        }
        CompletenessCheck verdict = check != null || app.status() == ApplicationStatus.CHECKING ? desk.check(id) : null;
        Object department = identity.getAttribute("department");
        return render(Templates.detail(desk(), app, verdict, identity.hasRole(Roles.CLERK),
                identity.hasRole(Roles.REVIEWER), identity.hasRole(Roles.SUPERVISOR),
                department == null ? null : department.toString(),
                new TimelineWords(catalogues.current(), app, lang(), mapper).lines(calendar.zone()),
                OverrideReason.ALL));
    }

    @POST
    @Path("applications/{id}/materials/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response material(@PathParam("id") long id, @PathParam("code") String code,
            MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "material", () -> desk.setMaterial(id, code, requests.valid(new Requests.MaterialCheck(
                form.getFirst("state"), blank(form.getFirst("form")), null)), actor()));
    }

    @POST
    @Path("applications/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response accept(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "accepted", () -> desk.accept(id, requests.valid(new Requests.Accept(version(form), null)),
                actor()));
    }

    @POST
    @Path("applications/{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response giveBack(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        String reason = blank(form.getFirst("reason"));
        return act(id, "returned", () -> desk.giveBack(id, requests.valid(new Requests.GiveBack(version(form),
                reason == null ? null : new Requests.OverrideNote(reason))), actor()));
    }

    @POST
    @Path("applications/{id}/overrides")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response propose(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "proposed", () -> overrides.propose(id, requests.valid(new Requests.OverrideProposal(
                version(form), blank(form.getFirst("reason")), blank(form.getFirst("note")),
                blank(form.getFirst("basis")))), actor()));
    }

    @POST
    @Path("applications/{id}/overrides/{n}/{decision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response decideOverride(@PathParam("id") long id, @PathParam("n") int n,
            @PathParam("decision") String decision, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        Requests.OverrideAnswer answer = new Requests.OverrideAnswer(version(form), blank(form.getFirst("comment")));
        if ("approve".equals(decision)) {
            return act(id, "approved", () -> overrides.approve(id, n, requests.valid(answer), actor()));
        }
        if ("reject".equals(decision)) {
            return act(id, "rejected", () -> overrides.reject(id, n, requests.valid(answer), actor()));
        }
        throw new jakarta.ws.rs.NotFoundException();
    }

    @POST
    @Path("applications/{id}/departments/{department}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(hidden = true)
    public Response decide(@PathParam("id") long id, @PathParam("department") String department,
            MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "decided", () -> backOffice.decide(id, department, requests.valid(new Requests.Decision(
                version(form), form.getFirst("decision"), blank(form.getFirst("reason")))), actor()));
    }

    @POST
    @Path("applications/{id}/departments/{department}/supplied")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response supplied(@PathParam("id") long id, @PathParam("department") String department,
            MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "supplied", () -> backOffice.supplementSupplied(id, department,
                requests.valid(new Requests.Versioned(version(form))), actor()));
    }

    @POST
    @Path("applications/{id}/deliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response deliver(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "delivered", () -> backOffice.deliver(id, requests.valid(new Requests.Versioned(version(form))),
                actor()));
    }

    // --- the supervision board ---------------------------------------------------------------

    @GET
    @Path("board")
    @Operation(hidden = true)
    public Response board() {
        List<Application> all = queries.queue(List.of(), null, 200, actor());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : statusCodes()) {
            counts.put(s, all.stream().filter(a -> a.status().code().equals(s)).count());
        }
        List<Application> running = all.stream().filter(a -> a.status().running())
                .sorted(Comparator.comparing(Application::dueOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        boolean supervisor = identity.hasRole(Roles.SUPERVISOR);
        return render(Templates.board(desk(), running, counts,
                supervisor ? queries.awaitingSupervisor() : List.of(),
                supervisor ? escalations.list(false).stream().limit(50).toList() : List.of(),
                supervisor ? ratings.openFollowUps() : List.of(), supervisor));
    }

    @POST
    @Path("escalations/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response acknowledge(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return onBoard("acknowledged", () -> escalations.acknowledge(id,
                requests.valid(new Requests.Comment(blank(form.getFirst("comment")))), actor()));
    }

    @POST
    @Path("follow-ups/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response closeFollowUp(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return onBoard("closed", () -> ratings.closeFollowUp(id,
                requests.valid(new Requests.Comment(blank(form.getFirst("comment")))), actor()));
    }

    // --- statistics ---------------------------------------------------------------------------

    @GET
    @Path("statistics")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response statistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        Statistics s;
        try {
            s = statistics.compute(StatisticsResource.date(from, "from"), StatisticsResource.date(to, "to"));
        } catch (InvalidInputException e) {
            error = "invalid input";
            s = statistics.compute(null, null);
        }
        Statistics.Figures t = s.total();
        var msg = messages();
        String outcomes = SvgCharts.bars("chart-outcomes", msg.stats_chart_outcomes(), List.of(
                new SvgCharts.Bar(msg.stats_received(), t.received(), String.valueOf(t.received()), "received"),
                new SvgCharts.Bar(msg.stats_accepted(), t.accepted(), String.valueOf(t.accepted()), "accepted"),
                new SvgCharts.Bar(msg.stats_tolerance(), t.acceptedWithTolerance(),
                        String.valueOf(t.acceptedWithTolerance()), "tolerance"),
                new SvgCharts.Bar(msg.stats_returned(), t.returned(), String.valueOf(t.returned()), "returned"),
                new SvgCharts.Bar(msg.stats_delivered(), t.delivered(), String.valueOf(t.delivered()), "delivered"),
                new SvgCharts.Bar(msg.stats_in_time(), t.deliveredInTime(), String.valueOf(t.deliveredInTime()),
                        "in-time")));
        String windows = SvgCharts.bars("chart-windows", msg.stats_chart_windows(), s.byWindow().stream()
                .map(g -> new SvgCharts.Bar(g.name(), g.figures().received(), String.valueOf(g.figures().received()),
                        "received")).toList());
        List<StatsSection> sections = List.of(new StatsSection("window", msg.stats_by_window(), s.byWindow()),
                new StatsSection("department", msg.stats_by_department(), s.byDepartment()),
                new StatsSection("matter", msg.stats_by_matter(), s.byMatter()));
        String oneVisit = t.oneVisitRate() == null ? "—"
                : msg.stats_rate(String.valueOf(Math.round(t.oneVisitRate() * 1000) / 10.0));
        return render(Templates.statistics(desk(), s, outcomes, windows, "from=" + s.from() + "&to=" + s.to(),
                sections, oneVisit));
    }

    @GET
    @Path("statistics.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response statisticsCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        Statistics s = statistics.compute(StatisticsResource.date(from, "from"), StatisticsResource.date(to, "to"));
        // a byte-order mark, so that spreadsheet programs read the Chinese names as UTF-8
        return Response.ok("\uFEFF" + statistics.csv(s), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"statistics-" + s.from() + "-" + s.to() + ".csv\"")
                .build();
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Runs an action and comes back to the application, saying what happened or why not — in words. */
    private Response act(long id, String what, Runnable action) {
        try {
            action.run();
            return redirect("/clerk/applications/" + id + "?done=" + what);
        } catch (InvalidInputException | CaseworkException e) {
            if (e instanceof CaseworkException ce && ce.status() == 404 && ce.getMessage().startsWith("no application")) {
                throw new jakarta.ws.rs.NotFoundException(ce.getMessage());
            }
            return redirect("/clerk/applications/" + id + "?error=" + enc(code(e)) + why(e));
        }
    }

    private Response onBoard(String what, Runnable action) {
        try {
            action.run();
            return redirect("/clerk/board?done=" + what);
        } catch (InvalidInputException | CaseworkException e) {
            return redirect("/clerk/board?error=" + enc(code(e)) + why(e));
        }
    }

    /** The error as a code the page puts in words: a field for bad input, else the refusal's kind. */
    private static String code(RuntimeException e) {
        return e instanceof InvalidInputException invalid ? "field:" + invalid.field()
                : ((CaseworkException) e).error();
    }

    /** For a refused override: which safeguard, and the rule that says so (a code, shown as such). */
    private static String why(RuntimeException e) {
        if (e instanceof CaseworkException ce && ce.extra().get("safeguard") != null) {
            return "&why=" + enc(ce.extra().get("safeguard") + "|" + ce.extra().get("rule") + "|"
                    + ce.extra().getOrDefault("material", ""));
        }
        return "";
    }

    private String fieldError(String field) {
        return messages().field_error_of(field);
    }

    private String errorText(String code) {
        return messages().error_of(code);
    }

    private org.onewindow.platform.CaseworkMessages messages() {
        return io.quarkus.qute.i18n.MessageBundles.get(org.onewindow.platform.CaseworkMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(lang()));
    }

    private static Integer version(MultivaluedMap<String, String> form) {
        String v = form.getFirst("version");
        try {
            return v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "must be a number");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Actor actor() {
        return StaffActors.of(identity);
    }

    private ClerkViews.Desk desk() {
        Object name = identity.getAttribute("displayName");
        return new ClerkViews.Desk(lang(), identity.getPrincipal().getName(), name == null ? null : name.toString(),
                done, error(), why, calendar.today(), identity.hasRole(Roles.CLERK),
                identity.hasRole(Roles.SUPERVISOR), calendar.zone());
    }

    /** The flash error in the page's language. */
    private String error() {
        if (error == null || error.isBlank()) {
            return null;
        }
        String text = error.startsWith("field:") ? fieldError(error.substring(6)) : errorText(error);
        if (why != null && !why.isBlank()) {
            String[] parts = why.split("\\|", -1);
            Catalogue catalogue = catalogues.current();
            String material = parts.length > 2 ? catalogue.material(parts[2])
                    .map(m -> en() && m.nameEn() != null ? m.nameEn() : m.name()).orElse(parts[2]) : "";
            text += messages().safeguard_of(parts[0]) + (material.isEmpty() ? "" : (en() ? " (" : "（") + material
                    + (en() ? ")" : "）"));
        }
        return text;
    }

    private String lang() {
        return Languages.resolve(langParam, langCookie);
    }

    private boolean en() {
        return "en".equals(lang());
    }

    private Response render(TemplateInstance template) {
        return csrf.attach(Response.ok(template.setLocale(Languages.locale(lang())))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store")
                .cookie(Languages.cookie(lang()))).build();
    }

    private static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static List<String> statusCodes() {
        return java.util.Arrays.stream(ApplicationStatus.values()).map(ApplicationStatus::code).toList();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
