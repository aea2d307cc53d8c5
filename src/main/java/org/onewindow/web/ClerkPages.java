package org.onewindow.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import org.onewindow.casework.Application;
import org.onewindow.casework.ApplicationStatus;
import org.onewindow.casework.CaseworkException;
import org.onewindow.casework.CaseworkService;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.intake.PendingQuestion;
import org.onewindow.staff.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The clerk console (/clerk): the queue and its scanner-friendly search, starting an application
 * (from a kiosk reference or a matter), the check-in screen with one click per item, acceptance,
 * return, the departments' decisions, delivery, and the status board. Server-rendered forms with
 * CSRF tokens; every action redirects back (post/redirect/get) with what happened.
 */
@Path("/clerk")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ADMIN})
public class ClerkPages {

    @CheckedTemplate(basePath = "clerk")
    static class Templates {
        static native TemplateInstance queue(ClerkViews.Desk desk, List<Application> applications, String q,
                String status, List<String> statuses);

        static native TemplateInstance start(ClerkViews.Desk desk, ClerkViews.StartForm form,
                List<ClerkViews.Choice> matters, List<ClerkViews.Choice> events, List<PendingQuestion> questions,
                String key);

        static native TemplateInstance detail(ClerkViews.Desk desk, Application app, CaseworkService.Check check,
                boolean canDesk, boolean canReview, String myDepartment);

        static native TemplateInstance board(ClerkViews.Desk desk, List<Application> running, Map<String, Long> counts);
    }

    @Inject
    CaseworkService casework;

    @Inject
    IntakeService intake;

    @Inject
    CatalogueRegistry catalogues;

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
            Optional<Application> byNumber = text.length() <= 40 ? casework.byNumber(text) : Optional.empty();
            if (byNumber.isPresent()) {
                return redirect("/clerk/applications/" + byNumber.get().id());
            }
            if (text.toUpperCase(java.util.Locale.ROOT).startsWith("OW-")) {
                List<Application> found = casework.queue(List.of(), text, 2);
                return redirect(found.isEmpty() ? "/clerk/new?reference=" + enc(text.toUpperCase(java.util.Locale.ROOT))
                        : "/clerk/applications/" + found.get(0).id());
            }
        }
        List<Application> list = casework.queue(statuses, text, 100);
        return render(Templates.queue(desk(), list, text, status, statusCodes()));
    }

    // --- starting an application -------------------------------------------------------------

    @GET
    @Path("new")
    @Operation(hidden = true)
    public Response start(@QueryParam("reference") String reference, @QueryParam("matter") String matter,
            @QueryParam("event") String event) {
        ClerkViews.StartForm form = new ClerkViews.StartForm(reference, matter, event, "person", null, null, "unknown",
                Map.of(), null);
        return render(startPage(form, List.of(), null));
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
            CaseworkService.Created created = casework.create(body, form.getFirst("key"), StaffActors.of(identity));
            return redirect("/clerk/applications/" + created.application().id() + "?done=created");
        } catch (InvalidInputException e) {
            return render(startPage(start.withError(e.getMessage()), List.of(), form.getFirst("key")));
        } catch (CaseworkException e) {
            @SuppressWarnings("unchecked")
            List<PendingQuestion> questions = (List<PendingQuestion>) e.extra().getOrDefault("pendingQuestions", List.of());
            return render(startPage(questions.isEmpty() ? start.withError(e.getMessage()) : start, questions,
                    form.getFirst("key")));
        }
    }

    /**
     * The start form; {@code key} is the idempotency key of this form, kept across re-renders, so
     * that a double click on "create" opens one application, not two.
     */
    private TemplateInstance startPage(ClerkViews.StartForm form, List<PendingQuestion> questions, String key) {
        Catalogue catalogue = catalogues.current();
        boolean en = en();
        List<ClerkViews.Choice> matters = catalogue.matters().stream()
                .map(m -> new ClerkViews.Choice(m.code(), Views.pick(en, m.name(), m.nameEn())))
                .sorted(Comparator.comparing(ClerkViews.Choice::label)).toList();
        List<ClerkViews.Choice> events = catalogue.events().stream()
                .map(e -> new ClerkViews.Choice(e.code(), Views.pick(en, e.name(), e.nameEn()))).toList();
        return Templates.start(desk(), form, matters, events, questions,
                key == null || key.isBlank() ? java.util.UUID.randomUUID().toString() : key);
    }

    // --- one application ---------------------------------------------------------------------

    @GET
    @Path("applications/{id}")
    @Operation(hidden = true)
    public Response detail(@PathParam("id") long id, @QueryParam("check") String check) {
        Application app = casework.get(id);
        CaseworkService.Check verdict = check != null || app.status() == ApplicationStatus.CHECKING ? casework.check(id)
                : null;
        Object department = identity.getAttribute("department");
        return render(Templates.detail(desk(), app, verdict, identity.hasRole(Roles.CLERK),
                identity.hasRole(Roles.REVIEWER), department == null ? null : department.toString()));
    }

    @POST
    @Path("applications/{id}/materials/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response material(@PathParam("id") long id, @PathParam("code") String code,
            MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "material", () -> casework.setMaterial(id, code, form.getFirst("state"), blank(form.getFirst("form")),
                null, StaffActors.of(identity)));
    }

    @POST
    @Path("applications/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response accept(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "accepted", () -> casework.accept(id, version(form), blank(form.getFirst("reason")),
                StaffActors.of(identity)));
    }

    @POST
    @Path("applications/{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response giveBack(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "returned", () -> casework.giveBack(id, version(form), blank(form.getFirst("reason")),
                StaffActors.of(identity)));
    }

    @POST
    @Path("applications/{id}/departments/{department}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(hidden = true)
    public Response decide(@PathParam("id") long id, @PathParam("department") String department,
            MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "decided", () -> casework.decide(id, department, version(form), form.getFirst("decision"),
                blank(form.getFirst("reason")), StaffActors.of(identity)));
    }

    @POST
    @Path("applications/{id}/departments/{department}/supplied")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response supplied(@PathParam("id") long id, @PathParam("department") String department,
            MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "supplied", () -> casework.supplementSupplied(id, department, version(form),
                StaffActors.of(identity)));
    }

    @POST
    @Path("applications/{id}/deliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(hidden = true)
    public Response deliver(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        return act(id, "delivered", () -> casework.deliver(id, version(form), StaffActors.of(identity)));
    }

    // --- the status board --------------------------------------------------------------------

    @GET
    @Path("board")
    @Operation(hidden = true)
    public Response board() {
        List<Application> all = casework.queue(List.of(), null, 200);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String s : statusCodes()) {
            counts.put(s, all.stream().filter(a -> a.status().code().equals(s)).count());
        }
        List<Application> running = all.stream().filter(a -> a.status().accepted())
                .sorted(Comparator.comparing(Application::dueOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return render(Templates.board(desk(), running, counts));
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Runs an action and comes back to the application, saying what happened or why not. */
    private Response act(long id, String what, Runnable action) {
        try {
            action.run();
            return redirect("/clerk/applications/" + id + "?done=" + what);
        } catch (InvalidInputException | CaseworkException e) {
            if (e instanceof CaseworkException ce && ce.status() == 404 && ce.getMessage().startsWith("no application")) {
                throw new jakarta.ws.rs.NotFoundException(ce.getMessage());
            }
            return redirect("/clerk/applications/" + id + "?error=" + enc(e.getMessage()));
        }
    }

    private static Integer version(MultivaluedMap<String, String> form) {
        String v = form.getFirst("version");
        try {
            return v == null ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "must be a number");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private ClerkViews.Desk desk() {
        Object name = identity.getAttribute("displayName");
        return new ClerkViews.Desk(lang(), identity.getPrincipal().getName(), name == null ? null : name.toString(),
                done, error, casework.today(), identity.hasRole(Roles.CLERK), casework.zone());
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
