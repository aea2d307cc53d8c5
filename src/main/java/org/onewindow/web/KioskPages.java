package org.onewindow.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.guide.Matter;
import org.onewindow.guide.Question;
import org.onewindow.intake.DecisionLog;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.intake.LibraryAccess;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.Precheck;
import org.onewindow.intake.Situation;
import org.onewindow.intake.SituationReader;
import org.onewindow.intake.MatterWindows;
import org.onewindow.interview.InterviewService;
import org.onewindow.interview.InterviewStep;
import org.onewindow.platform.QrCodes;
import org.onewindow.search.SearchResult;
import org.onewindow.search.SearchService;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The citizen kiosk and online pre-check: server-rendered pages that work without JavaScript.
 * The interview is carried in the URL (each answer a {@code a.<question>} parameter), so Back is
 * the browser's own and a refreshed page never records anything; the material list is recorded
 * once, when the applicant asks for it, and then lives at its reference.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class KioskPages {

    private static final String ANSWER = "a.";

    @CheckedTemplate(basePath = "kiosk")
    static class Templates {
        static native TemplateInstance home(Page page, List<Views.Tile> events, List<Views.WindowView> windows,
                int matterCount);

        static native TemplateInstance search(Page page, String q, SearchResult result, String suggestionHref,
                Paging paging);

        static native TemplateInstance browse(Page page, Views.WindowView window, List<Views.MatterLine> matters);

        static native TemplateInstance matter(Page page, Views.MatterView matter);

        static native TemplateInstance interview(Page page, Views.InterviewView view);

        static native TemplateInstance result(Page page, Views.ResultView view);

        static native TemplateInstance notice(Page page, Views.ResultView view, String qr, boolean receipt);
    }

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    SearchService search;

    @Inject
    MatterWindows windows;

    @Inject
    InterviewService interview;

    @Inject
    IntakeService intake;

    @ConfigProperty(name = "onewindow.kiosk.idle-seconds", defaultValue = "120")
    int idleSeconds;

    @Context
    UriInfo uri;

    @Inject
    CsrfTokens csrf;

    @CookieParam(Languages.COOKIE)
    String langCookie;

    @CookieParam("ow_display")
    String displayCookie;

    @QueryParam("lang")
    String langParam;

    @QueryParam("display")
    String displayParam;

    @QueryParam("idle")
    String idle;

    // --- pages ----------------------------------------------------------------------------------

    @GET
    @Operation(hidden = true)
    public Response home() {
        Page page = page(true);
        Catalogue catalogue = catalogues.current();
        Map<String, String> windowOf = windows.windows(catalogue);
        List<Views.WindowView> windowViews = catalogue.windows().stream().map(w -> Views.window(w,
                windowOf.values().stream().filter(w.code()::equals).count(), page.en())).toList();
        return render(page, Templates.home(page, catalogue.events().stream().map(e -> Views.tile(e, page.en())).toList(),
                windowViews, catalogue.matters().size()));
    }

    @GET
    @Path("search")
    @Operation(hidden = true)
    public Response search(@QueryParam("q") String q, @QueryParam("p") Integer p) {
        Page page = page(false);
        String text = q == null ? "" : q.strip();
        int number = p == null || p < 1 ? 1 : Math.min(p, Paging.MAX_PAGES);
        SearchResult result = text.isEmpty() || text.length() > SearchResource.MAX_QUERY ? null
                : search.search(text, Paging.SIZE, (number - 1) * Paging.SIZE, null, null);
        String suggestionHref = result == null || result.suggestion() == null ? null
                : "/search?q=" + enc(result.suggestion());
        Paging paging = result == null ? null : Paging.of(result, number, "/search?q=" + enc(text) + "&p=");
        return render(page, Templates.search(page, text, result, suggestionHref, paging));
    }

    @GET
    @Path("browse")
    @Operation(hidden = true)
    public Response browse(@QueryParam("window") String window) {
        Page page = page(false);
        Catalogue catalogue = catalogues.current();
        var w = catalogue.window(window).orElseThrow(() -> new NotFoundException("no window '" + window + "'"));
        Map<String, String> windowOf = windows.windows(catalogue);
        List<Views.MatterLine> matters = catalogue.matters().stream().filter(m -> window.equals(windowOf.get(m.code())))
                .map(m -> Views.line(m, catalogue, page.en())).toList();
        return render(page, Templates.browse(page, Views.window(w, matters.size(), page.en()), matters));
    }

    @GET
    @Path("matter/{code}")
    @Operation(hidden = true)
    public Response matter(@PathParam("code") String code) {
        Page page = page(false);
        Catalogue catalogue = catalogues.current();
        Matter m = catalogue.matter(code).orElseThrow(() -> new NotFoundException("no matter '" + code + "'"));
        return render(page, Templates.matter(page, Views.matter(m, catalogue, windows.windows(catalogue).get(code),
                page.en())));
    }

    @GET
    @Path("start")
    @Operation(hidden = true)
    public Response start(@QueryParam("matter") String matter, @QueryParam("event") String event) {
        String target = event != null ? "event=" + enc(event) : "matter=" + enc(matter == null ? "" : matter);
        // a language or display chosen on the link travels on to the interview
        String carry = (langParam != null ? "&lang=" + enc(langParam) : "")
                + (displayParam != null ? "&display=" + enc(displayParam) : "");
        return Response.seeOther(URI.create("/interview?" + target + carry)).build();
    }

    @GET
    @Path("interview")
    @Operation(hidden = true)
    public Response interview(@QueryParam("matter") String matter, @QueryParam("event") String event,
            @QueryParam("order") String order, @QueryParam("next") String next, @QueryParam("idError") String idError) {
        Page page = page(false);
        Catalogue catalogue = catalogues.current();
        Map<String, String> answers = answers(uri.getQueryParameters());
        List<String> asked = order(order, next, answers);
        Situation situation = new SituationReader(catalogue).read(body(matter, event, answers, catalogue));
        InterviewStep step = interview.step(catalogue, situation);
        String target = event != null ? catalogue.event(event).map(e -> Views.pick(page.en(), e.name(), e.nameEn()))
                .orElse(event) : catalogue.matter(matter).map(m -> Views.pick(page.en(), m.name(), m.nameEn())).orElse(matter);
        List<Views.Hidden> hidden = new ArrayList<>();
        hidden.add(new Views.Hidden(event != null ? "event" : "matter", event != null ? event : matter));
        answers.forEach((id, value) -> hidden.add(new Views.Hidden(ANSWER + id, value)));
        hidden.add(new Views.Hidden("order", String.join(",", asked)));
        String back = asked.isEmpty() ? null : back(matter, event, answers, asked);
        List<Views.Answered> summary = new ArrayList<>();
        for (String id : asked) {
            catalogue.question(id).ifPresent(q -> summary.add(new Views.Answered(Views.pick(page.en(), q.text(),
                    q.textEn()), answers.get(id), label(q, answers.get(id), page.en()))));
        }
        Views.InterviewView view = new Views.InterviewView(target, event != null ? "event" : "matter",
                event != null ? event : matter,
                step.done() ? null : Views.question(step.question(), answers, page.en()), hidden, back, step.asked(),
                step.asked() + step.remaining(), step.done(), summary, idError != null);
        return render(page, Templates.interview(page, view));
    }

    @POST
    @Path("result")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response record(MultivaluedMap<String, String> form) {
        csrf.verify(form);
        Catalogue catalogue = catalogues.current();
        Map<String, String> answers = answers(form);
        ObjectNode body = body(form.getFirst("matter"), form.getFirst("event"), answers, catalogue);
        String id = form.getFirst("id") == null ? "" : form.getFirst("id").strip().toUpperCase(java.util.Locale.ROOT);
        if (!id.isEmpty()) {
            // a valid identity number is a person's; anything else is read as a unified social credit code
            // (which may be all digits too), and the reader names what is wrong with it
            body.putObject("applicant").put("type", org.onewindow.intake.IdNumbers.problem(id) == null ? "person"
                    : "enterprise").put("id", id);
        }
        Situation situation;
        try {
            situation = new SituationReader(catalogue).read(body);
        } catch (InvalidInputException e) {
            if (!e.field().startsWith("applicant")) {
                throw e;
            }
            // back to the last screen with the answers kept and the ID field marked
            StringBuilder query = new StringBuilder("idError=1");
            form.forEach((name, values) -> {
                if (!name.equals("id") && !name.equals("csrf-token")) {
                    values.forEach(v -> query.append('&').append(enc(name)).append('=').append(enc(v)));
                }
            });
            return Response.seeOther(URI.create("/interview?" + query)).build();
        }
        // the kiosk is anonymous: the answer never says what the applicant's library holds
        Outcome outcome = intake.record(situation, intake.decide(catalogue, situation, LibraryAccess.NONE));
        return Response.seeOther(URI.create("/result/" + outcome.reference())).build();
    }

    @GET
    @Path("result/{reference}")
    @Operation(hidden = true)
    public Response result(@PathParam("reference") String reference, @QueryParam("have") List<String> have,
            @QueryParam("check") String check) {
        Page page = page(false);
        DecisionLog.Recorded recorded = recorded(reference);
        Catalogue catalogue = catalogues.current();
        // anonymous: a decision recorded before library holdings were withheld shows them as materials to bring
        Outcome outcome = Views.anonymous(recorded.outcome());
        Precheck precheck = check == null ? null : intake.decider(catalogue).check(outcome, have);
        return render(page, Templates.result(page, Views.result(outcome, catalogue, page.en(), have, precheck)));
    }

    @GET
    @Path("notice/{reference}")
    @Operation(hidden = true)
    public Response notice(@PathParam("reference") String reference, @QueryParam("paper") String paper) {
        Page page = page(false);
        DecisionLog.Recorded recorded = recorded(reference);
        Views.ResultView view = Views.result(Views.anonymous(recorded.outcome()), catalogues.current(), page.en(),
                List.of(), null);
        // the QR code opens progress: once the desk takes the application in, its progress is found by this reference
        return render(page, Templates.notice(page, view, QrCodes.svg(uri.getBaseUri().resolve("/progress?number="
                + view.reference()).toString(), view.reference()),
                "receipt".equals(paper)));
    }

    // --- helpers --------------------------------------------------------------------------------

    private DecisionLog.Recorded recorded(String reference) {
        return intake.find(reference).orElseThrow(() -> new NotFoundException("no notice " + reference));
    }

    private Page page(boolean home) {
        boolean cleared = idle != null; // the idle timeout sends the screen home: forget this visitor's choices
        String lang = Languages.resolve(langParam, cleared ? null : langCookie);
        String display = displayParam != null ? displayParam : cleared ? null : displayCookie;
        return new Page(lang, "large".equals(display), "contrast".equals(display), idleSeconds,
                uri.getPath(), uri.getRequestUri().getRawQuery(), home);
    }

    private Response render(Page page, TemplateInstance template) {
        Response.ResponseBuilder response = Response.ok(template.setLocale(page.locale()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .cookie(Languages.cookie(page.lang()));
        String display = page.large() ? "large" : page.contrast() ? "contrast" : "normal";
        response.cookie(new NewCookie.Builder("ow_display").value(display).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build());
        return csrf.attach(response).build();
    }

    /** The answers carried as {@code a.<question>} parameters; an empty value means not answered. */
    private static Map<String, String> answers(MultivaluedMap<String, String> params) {
        return FormAnswers.answers(params);
    }

    /** The questions in the order they were answered; a newly answered one goes last. */
    private static List<String> order(String order, String next, Map<String, String> answers) {
        List<String> asked = new ArrayList<>();
        if (order != null) {
            for (String id : order.split(",")) {
                if (!id.isBlank() && answers.containsKey(id) && !asked.contains(id)) {
                    asked.add(id);
                }
            }
        }
        if (next != null && answers.containsKey(next) && !asked.contains(next)) {
            asked.add(next);
        }
        answers.keySet().stream().filter(id -> !asked.contains(id)).forEach(asked::add);
        return asked;
    }

    /** Back: the same interview without the last answer — every other answer is kept. */
    private static String back(String matter, String event, Map<String, String> answers, List<String> asked) {
        String last = asked.get(asked.size() - 1);
        StringBuilder url = new StringBuilder("/interview?").append(event != null ? "event=" + enc(event)
                : "matter=" + enc(matter));
        answers.forEach((id, value) -> {
            if (!id.equals(last)) {
                url.append('&').append(ANSWER).append(enc(id)).append('=').append(enc(value));
            }
        });
        url.append("&order=").append(enc(String.join(",", asked.subList(0, asked.size() - 1))));
        return url.toString();
    }

    /** An intake request body from form values, typed by each question's answer type. */
    private static ObjectNode body(String matter, String event, Map<String, String> answers, Catalogue catalogue) {
        return FormAnswers.body(matter, event, answers, catalogue);
    }

    /** The label of a choice answer; null for yes/no answers (the page says 是/否 itself). */
    private static String label(Question q, String value, boolean en) {
        if (value == null || q.options().isEmpty()) {
            return q.options().isEmpty() && q.type() != org.onewindow.guide.AnswerType.BOOLEAN ? value : null;
        }
        return q.options().stream().filter(o -> o.value().equals(value)).map(o -> Views.pick(en, o.label(), o.labelEn()))
                .findFirst().orElse(value);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
