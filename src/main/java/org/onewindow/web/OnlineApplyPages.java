package org.onewindow.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.onewindow.casework.Application;
import org.onewindow.casework.ApplicationStatus;
import org.onewindow.casework.ChecklistLine;
import org.onewindow.casework.MaterialState;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.guide.Question;
import org.onewindow.intake.CreditCodes;
import org.onewindow.intake.DecisionLog;
import org.onewindow.intake.IdNumbers;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.intake.MaterialItem;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.Situation;
import org.onewindow.intake.SituationReader;
import org.onewindow.interview.InterviewService;
import org.onewindow.interview.InterviewStep;
import org.onewindow.online.ApplicantSessions;
import org.onewindow.online.OnlineApplications;
import org.onewindow.online.OnlineException;
import org.onewindow.online.ProgressView;
import org.onewindow.online.SignedIn;
import org.onewindow.online.Upload;
import org.onewindow.online.Uploads;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The online application itself: for whom, the interview with the known answers filled in, the
 * decision kept as a draft, uploads, submission, and afterwards the application's page — progress,
 * supplements (补正), the rating once delivered. The interview carries its answers in the address
 * like the kiosk's ({@code a.<question>}), so Back is the browser's own.
 */
@Path("/online")
@Produces(MediaType.TEXT_HTML)
public class OnlineApplyPages {

    @CheckedTemplate(basePath = "online")
    static class Templates {
        static native TemplateInstance apply(Page page, SignedIn who, String target, String param, String code,
                String error);

        static native TemplateInstance interview(Page page, OnlineViews.Interview view);

        static native TemplateInstance draft(Page page, OnlineViews.Draft view);

        static native TemplateInstance application(Page page, OnlineViews.AppView view);
    }

    @Inject
    OnlinePageSupport support;

    @Inject
    OnlineSession session;

    @Inject
    OnlineApplications online;

    @Inject
    ApplicantSessions sessions;

    @Inject
    InterviewService interview;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    Uploads uploads;

    @Inject
    CsrfTokens csrf;

    @Inject
    DocumentPdfs pdfs;

    @Context
    UriInfo uri;

    // --- for whom ----------------------------------------------------------------------------

    @GET
    @Path("apply")
    @Operation(hidden = true)
    public Response apply(@QueryParam("matter") String matter, @QueryParam("event") String event,
            @QueryParam("error") String error) {
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return OnlinePageSupport.redirect("/online");
        }
        Page page = support.page();
        Catalogue catalogue = catalogues.current();
        String target = target(catalogue, matter, event, page.en());
        if (target == null) {
            throw new jakarta.ws.rs.NotFoundException("no matter or life event " + (event != null ? event : matter));
        }
        return support.render(Templates.apply(page, who, target, event != null ? "event" : "matter",
                event != null ? event : matter, error));
    }

    // --- the interview -----------------------------------------------------------------------

    @GET
    @Path("interview")
    @Operation(hidden = true)
    public Response interview(@QueryParam("matter") String matter, @QueryParam("event") String event,
            @QueryParam("for") String forWhom, @QueryParam("aid") String aid, @QueryParam("order") String order,
            @QueryParam("next") String next) {
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return OnlinePageSupport.redirect("/online");
        }
        Page page = support.page();
        Catalogue catalogue = catalogues.current();
        String targetQuery = (event != null ? "event=" + OnlinePageSupport.enc(event) : "matter="
                + OnlinePageSupport.enc(matter));
        OnlineApplications.For applicant = applicant(who, forWhom, aid);
        if (applicant == null) {
            return OnlinePageSupport.redirect("/online/apply?" + targetQuery + "&error="
                    + ("self".equals(forWhom) ? "no-identity" : "applicant"));
        }
        Map<String, String> given = FormAnswers.answers(uri.getQueryParameters());
        Map<String, String> known = online.known(who, applicant);
        given.keySet().forEach(known::remove); // an answer the applicant gave (or changed) is theirs
        Map<String, String> answers = new LinkedHashMap<>(known);
        answers.putAll(given);
        ObjectNode body = FormAnswers.body(matter, event, answers, catalogue);
        body.putObject("applicant").put("type", applicant.type()).put("id", applicant.id());
        Situation situation;
        try {
            situation = new SituationReader(catalogue).read(body);
        } catch (InvalidInputException e) {
            if (e.field().startsWith("applicant")) {
                return OnlinePageSupport.redirect("/online/apply?" + targetQuery + "&error=applicant");
            }
            throw e;
        }
        InterviewStep step = interview.step(catalogue, situation);
        if (applicant.self()) {
            sessions.remember(who, given); // offered again in this session's next interview
        }
        List<String> asked = order(order, next, given);
        List<Views.Hidden> hidden = new ArrayList<>();
        hidden.add(new Views.Hidden(event != null ? "event" : "matter", event != null ? event : matter));
        hidden.add(new Views.Hidden("for", forWhom));
        if (aid != null) {
            hidden.add(new Views.Hidden("aid", aid));
        }
        given.forEach((id, value) -> hidden.add(new Views.Hidden(FormAnswers.PREFIX + id, value)));
        hidden.add(new Views.Hidden("order", String.join(",", asked)));
        List<OnlineViews.Known> knownView = new ArrayList<>();
        known.forEach((id, value) -> catalogue.question(id).ifPresent(q -> knownView.add(new OnlineViews.Known(
                Views.pick(page.en(), q.text(), q.textEn()), answerLabel(q, value, page)))));
        List<Views.Answered> summary = new ArrayList<>();
        for (String id : asked) {
            catalogue.question(id).ifPresent(q -> summary.add(new Views.Answered(Views.pick(page.en(), q.text(),
                    q.textEn()), given.get(id), answerLabel(q, given.get(id), page))));
        }
        String back = asked.isEmpty() ? null : back(targetQuery, forWhom, aid, given, asked);
        OnlineViews.Interview view = new OnlineViews.Interview(target(catalogue, matter, event, page.en()), knownView,
                step.done() ? null : Views.question(step.question(), answers, page.en()), hidden, back, step.asked()
                        - known.size(), step.asked() - known.size() + step.remaining(), step.done(), summary, forWhom);
        return support.render(Templates.interview(page, view));
    }

    @POST
    @Path("decide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(MultivaluedMap<String, String> form) {
        csrf.verify(form);
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return OnlinePageSupport.redirect("/online");
        }
        Catalogue catalogue = catalogues.current();
        OnlineApplications.For applicant = applicant(who, form.getFirst("for"), form.getFirst("aid"));
        if (applicant == null) {
            return OnlinePageSupport.redirect("/online");
        }
        Map<String, String> answers = new LinkedHashMap<>(online.known(who, applicant));
        answers.putAll(FormAnswers.answers(form));
        ObjectNode body = FormAnswers.body(form.getFirst("matter"), form.getFirst("event"), answers, catalogue);
        body.putObject("applicant").put("type", applicant.type()).put("id", applicant.id());
        Outcome outcome = online.decide(who, body);
        return OnlinePageSupport.redirect("/online/drafts/" + outcome.reference());
    }

    // --- the draft: uploads and submission ----------------------------------------------------

    @GET
    @Path("drafts/{reference}")
    @Operation(hidden = true)
    public Response draft(@PathParam("reference") String reference, @QueryParam("error") String error) {
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return OnlinePageSupport.redirect("/online");
        }
        Page page = support.page();
        DecisionLog.Recorded draft = online.draft(who, reference);
        var submitted = online.submittedNumber(draft.outcome().reference());
        Catalogue catalogue = catalogues.current();
        Outcome o = draft.outcome();
        Map<String, Integer> later = new HashMap<>();
        o.tolerable().forEach(t -> later.put(t.code(), t.deadlineDays()));
        List<Upload> files = uploads.forDraft(who.phone(), o.reference());
        List<OnlineViews.DraftMaterial> upload = new ArrayList<>();
        List<String> library = new ArrayList<>();
        List<String> produced = new ArrayList<>();
        for (MaterialItem m : o.materials()) {
            String name = page.en() ? Views.pick(true, m.name(), m.nameEn()) : m.title() != null ? m.title() : m.name();
            if (m.producedBy() != null) {
                produced.add(name);
            } else if (m.fromLibrary()) {
                library.add(name);
            } else if (m.required() && !m.pending()) {
                upload.add(new OnlineViews.DraftMaterial(m.code(), name, m.form(), m.key(), later.get(m.code()),
                        files.stream().filter(f -> f.material().equals(m.code())).toList()));
            }
        }
        Situation s = draft.situation();
        boolean self = who.idNumber() != null && who.idNumber().equalsIgnoreCase(s.applicant().id());
        String target = o.event() != null ? target(catalogue, null, o.event(), page.en())
                : String.join(page.en() ? ", " : "、", o.matters().stream().map(x -> Views.pick(page.en(), x.name(),
                        x.nameEn())).toList());
        OnlineViews.Draft view = new OnlineViews.Draft(o.reference(), target, Views.pick(page.en(), o.window().name(),
                o.window().nameEn()), catalogue.window(o.window().code()).map(w -> Views.pick(page.en(), w.counter(),
                        w.counterEn())).orElse(o.window().counter()), upload, library, produced, who.verified(), self,
                self ? who.name() : "", submitted.isPresent(), submitted.map(n -> "/online/applications/" + n)
                        .orElse(null), uploads.maxBytes() / (1024 * 1024), error);
        return support.render(Templates.draft(page, view));
    }

    @POST
    @Path("drafts/{reference}/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response uploadToDraft(@PathParam("reference") String reference, @RestForm("csrf-token") String token,
            @RestForm("material") String material, @RestForm("file") FileUpload file) {
        verify(token);
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return OnlinePageSupport.redirect("/online");
        }
        try {
            online.upload(who, reference, material, file == null ? null : file.fileName(), bytes(file));
            return OnlinePageSupport.redirect("/online/drafts/" + OnlinePageSupport.enc(reference) + "#m-" + material);
        } catch (OnlineException e) {
            if (e.status() == 404) {
                throw e;
            }
            return OnlinePageSupport.redirect("/online/drafts/" + OnlinePageSupport.enc(reference) + "?error="
                    + OnlinePageSupport.enc(e.error()) + "#m-" + material);
        }
    }

    @POST
    @Path("drafts/{reference}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@PathParam("reference") String reference, MultivaluedMap<String, String> form) {
        csrf.verify(form);
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return OnlinePageSupport.redirect("/online");
        }
        try {
            Application app = online.submit(who, reference, form.getFirst("applicantName"));
            return OnlinePageSupport.redirect("/online/applications/" + app.number() + "?done=submitted");
        } catch (OnlineException e) {
            if (e.status() == 404) {
                throw e;
            }
            return OnlinePageSupport.redirect("/online/drafts/" + OnlinePageSupport.enc(reference) + "?error="
                    + OnlinePageSupport.enc(e.error()));
        }
    }

    // --- after submission: progress, supplements, rating --------------------------------------

    @GET
    @Path("applications/{number}")
    @Operation(hidden = true)
    public Response application(@PathParam("number") String number, @QueryParam("error") String error,
            @QueryParam("done") String done) {
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return OnlinePageSupport.redirect("/online");
        }
        Page page = support.page();
        Application app = online.mine(who, number);
        ProgressView progress = online.progress(app);
        List<Upload> files = uploads.forApplication(app.id());
        List<String> can = online.supplementable(app);
        List<OnlineViews.DraftMaterial> supplementable = app.checklist().stream().filter(l -> can.contains(l.code()))
                .map(l -> new OnlineViews.DraftMaterial(l.code(), materialName(l, page.en()), l.form(), l.key(), null,
                        files.stream().filter(f -> f.material().equals(l.code())).toList())).toList();
        List<String> missing = app.status() == ApplicationStatus.RETURNED ? app.checklist().stream()
                .filter(l -> l.state() == MaterialState.MISSING).map(l -> materialName(l, page.en())).toList() : List.of();
        String matters = String.join(page.en() ? ", " : "、", progress.matters().stream().map(m -> page.en()
                ? m.nameEn() : m.name()).toList());
        OnlineViews.AppView view = new OnlineViews.AppView(app.number(), app.status().code(), matters,
                OnlineViews.steps(progress, page.en()), OnlineViews.waiting(progress, page.en()),
                OnlineViews.day(progress.dueOn(), page.en()),
                supplementable, files, progress.rateable(), "/rate?number=" + OnlinePageSupport.enc(app.number()), missing,
                uploads.maxBytes() / (1024 * 1024), error, done, documents(app));
        return support.render(Templates.application(page, view));
    }

    @POST
    @Path("applications/{number}/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response supplement(@PathParam("number") String number, @RestForm("csrf-token") String token,
            @RestForm("material") String material, @RestForm("file") FileUpload file) {
        verify(token);
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return OnlinePageSupport.redirect("/online");
        }
        String back = "/online/applications/" + OnlinePageSupport.enc(number);
        try {
            online.supplement(who, number, material, file == null ? null : file.fileName(), bytes(file));
            return OnlinePageSupport.redirect(back + "?done=supplement");
        } catch (OnlineException e) {
            if (e.status() == 404) {
                throw e;
            }
            return OnlinePageSupport.redirect(back + "?error=" + OnlinePageSupport.enc(e.error()));
        }
    }

    /** The applicant's own receipt, tolerance notice and commitment, or pickup slip, as PDF. */
    @GET
    @Path("applications/{number}/pdf/{kind}")
    @Produces({"application/pdf", "text/html"})
    @Operation(hidden = true)
    public Response pdf(@PathParam("number") String number, @PathParam("kind") String kind) {
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return OnlinePageSupport.redirect("/online");
        }
        Application app = online.mine(who, number);
        if (kind.equals("notice")) {
            throw new jakarta.ws.rs.NotFoundException("the one-time notice is printed at the desk");
        }
        return pdfs.pdf(app, kind, support.page().lang(), null, uri.getBaseUri());
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Who the application is for: oneself (the declared identity), another person or an enterprise by their ID. */
    private static OnlineApplications.For applicant(SignedIn who, String forWhom, String aid) {
        if ("self".equals(forWhom)) {
            return who.idNumber() == null ? null : new OnlineApplications.For("person", who.idNumber(), who.name(), true);
        }
        String id = aid == null ? "" : aid.strip().toUpperCase(Locale.ROOT);
        if ("person".equals(forWhom) && IdNumbers.problem(id) == null) {
            return new OnlineApplications.For("person", id, null, id.equalsIgnoreCase(who.idNumber()));
        }
        if ("enterprise".equals(forWhom) && CreditCodes.problem(id) == null) {
            return new OnlineApplications.For("enterprise", id, null, false);
        }
        return null;
    }

    /** The documents the applicant can download now. */
    private static List<String> documents(Application app) {
        List<String> kinds = new ArrayList<>();
        if (app.acceptedOn() != null) {
            kinds.add("receipt");
            if (app.checklist().stream().anyMatch(l -> l.dueOn() != null)) {
                kinds.add("tolerance");
            }
        }
        if (app.result() != null) {
            kinds.add("pickup");
        }
        return kinds;
    }

    private static String target(Catalogue catalogue, String matter, String event, boolean en) {
        if (event != null) {
            return catalogue.event(event).map(e -> Views.pick(en, e.name(), e.nameEn())).orElse(null);
        }
        return matter == null ? null : catalogue.matter(matter).map(m -> Views.pick(en, m.name(), m.nameEn())).orElse(null);
    }

    private String materialName(ChecklistLine l, boolean en) {
        return en ? catalogues.current().material(l.code()).map(m -> Views.pick(true, m.name(), m.nameEn()))
                .orElse(l.name()) : l.name();
    }

    private static String answerLabel(Question q, String value, Page page) {
        if (value == null) {
            return "";
        }
        if (q.type() == org.onewindow.guide.AnswerType.BOOLEAN) {
            return page.en() ? ("true".equals(value) ? "Yes" : "No") : ("true".equals(value) ? "是" : "否");
        }
        return q.options().stream().filter(o -> o.value().equals(value)).map(o -> Views.pick(page.en(), o.label(),
                o.labelEn())).findFirst().orElse(value + (q.unit() != null && !page.en() ? q.unit() : ""));
    }

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

    private static String back(String targetQuery, String forWhom, String aid, Map<String, String> answers,
            List<String> asked) {
        String last = asked.get(asked.size() - 1);
        StringBuilder url = new StringBuilder("/online/interview?").append(targetQuery).append("&for=")
                .append(OnlinePageSupport.enc(forWhom));
        if (aid != null) {
            url.append("&aid=").append(OnlinePageSupport.enc(aid));
        }
        answers.forEach((id, value) -> {
            if (!id.equals(last)) {
                url.append('&').append(FormAnswers.PREFIX).append(OnlinePageSupport.enc(id)).append('=')
                        .append(OnlinePageSupport.enc(value));
            }
        });
        url.append("&order=").append(OnlinePageSupport.enc(String.join(",", asked.subList(0, asked.size() - 1))));
        return url.toString();
    }

    private void verify(String token) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (token != null) {
            form.add(CsrfTokens.FIELD, token);
        }
        csrf.verify(form);
    }

    private static byte[] bytes(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return new byte[0];
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
