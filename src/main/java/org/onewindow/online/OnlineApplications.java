package org.onewindow.online;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.onewindow.casework.Actor;
import org.onewindow.casework.Application;
import org.onewindow.casework.ApplicationIntake;
import org.onewindow.casework.ApplicationQueries;
import org.onewindow.casework.ApplicationStatus;
import org.onewindow.casework.ChecklistLine;
import org.onewindow.casework.Created;
import org.onewindow.casework.DepartmentTask;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.Applicant;
import org.onewindow.intake.DecisionLog;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.Situation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 不见面审批: what a signed-in applicant does online. The interview is the kiosk's, with the answers
 * already known filled in ({@link PrefillRules}); the decision is recorded as the applicant's draft;
 * files are uploaded to it; submitting makes an application in the clerk's queue (created by
 * {@code online:<phone>}, status "checking" — shown as online pre-submitted) which the desk checks,
 * accepts or returns as any other. Afterwards the applicant supplements online (补正) and follows
 * progress. Submitting needs a verified identity (实名): the application is decided with the shared
 * library, which only the verified owner may see.
 */
@ApplicationScoped
public class OnlineApplications {

    @Inject
    ApplicationIntake applications;

    @Inject
    ApplicationQueries queries;

    @Inject
    IntakeService intake;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    OnlinePrefill prefill;

    @Inject
    Uploads uploads;

    @Inject
    OnlineStore store;

    @Inject
    Progress progress;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** Who the application is for: the applicant themselves, another person, or an enterprise. */
    public record For(String type, String id, String name, boolean self) {
    }

    /**
     * The answers known without asking: from the applicant's ID number, from who signed in, from
     * their own library (verified, applying for themselves) and — for themselves — the answers they
     * gave earlier in this session.
     */
    public Map<String, String> known(SignedIn who, For applicant) {
        Catalogue catalogue = catalogues.current();
        LocalDate today = LocalDate.now(clock);
        Set<String> holdings = applicant.self() && who.verified()
                ? intake.holdings(new Situation(List.of(), null, Map.of(), new Applicant(applicant.type(), applicant.id(),
                        null), today))
                : Set.of();
        Map<String, String> known = new LinkedHashMap<>(prefill.rules().answers(catalogue,
                "person".equals(applicant.type()) ? applicant.id() : null, applicant.self(), holdings, today));
        if (applicant.self()) {
            who.answers().forEach((q, v) -> {
                if (catalogue.question(q).isPresent()) {
                    known.putIfAbsent(q, v);
                }
            });
        }
        return known;
    }

    /** Decides the finished interview for the applicant (their own library only) and keeps it as their draft. */
    @Transactional
    public Outcome decide(SignedIn who, ObjectNode body) {
        Outcome outcome = intake.evaluate(body, who.libraryAccess());
        store.exec("INSERT INTO online_draft (reference, phone, created_at) VALUES (?, ?, ?)", outcome.reference(),
                who.phone(), OffsetDateTime.now(clock));
        return outcome;
    }

    /** A draft of the applicant's: the recorded decision; 404 for anybody else's. */
    public DecisionLog.Recorded draft(SignedIn who, String reference) {
        String owner = store.one("SELECT phone FROM online_draft WHERE reference = ?", rs -> rs.getString(1),
                reference == null ? "" : reference.toUpperCase(Locale.ROOT)).orElse(null);
        if (!who.phone().equals(owner)) {
            throw OnlineException.notFound("no draft " + reference);
        }
        return intake.find(reference).orElseThrow(() -> OnlineException.notFound("no draft " + reference));
    }

    /** The application a draft became, if submitted. */
    public Optional<Long> submitted(String reference) {
        return store.one("SELECT application_id FROM online_draft WHERE reference = ? AND application_id IS NOT NULL",
                rs -> rs.getLong(1), reference);
    }

    /** The number of the application a draft became, if submitted. */
    public Optional<String> submittedNumber(String reference) {
        return store.one("SELECT a.number FROM online_draft d JOIN application a ON a.id = d.application_id "
                + "WHERE d.reference = ?", rs -> rs.getString(1), reference);
    }

    /** Uploads a file to a draft, for one of its materials. */
    public Upload upload(SignedIn who, String reference, String material, String fileName, byte[] content) {
        DecisionLog.Recorded draft = draft(who, reference);
        if (submitted(draft.outcome().reference()).isPresent()) {
            throw new OnlineException(409, "submitted", "this application has been submitted: supplement it from "
                    + "its progress page", null);
        }
        if (draft.outcome().materials().stream().noneMatch(m -> m.code().equals(material))) {
            throw new OnlineException(400, "unknown material", "the decision asks for no material '" + material + "'",
                    "material");
        }
        return uploads.store(who.phone(), draft.outcome().reference(), null, material, "submission", fileName, content);
    }

    public void removeUpload(SignedIn who, long id) {
        uploads.remove(who.phone(), id);
    }

    /**
     * Submits a draft: an application in the desk's queue, decided again by the desk's rules with
     * the applicant's credit from the registry, the uploads handed to it.
     */
    @Transactional
    public Application submit(SignedIn who, String reference, String applicantName) {
        if (!who.verified()) {
            throw new OnlineException(403, "identity not verified", "online submission needs a verified identity "
                    + "(实名): a clerk verifies it once against your ID card", null);
        }
        DecisionLog.Recorded draft = draft(who, reference);
        String ref = draft.outcome().reference();
        Optional<Long> done = submitted(ref);
        if (done.isPresent()) {
            return queries.get(done.get(), Progress.READER);
        }
        Applicant applicant = draft.situation().applicant();
        ObjectNode body = json.createObjectNode().put("reference", ref);
        ObjectNode a = body.putObject("applicant").put("type", applicant.type()).put("id", applicant.id());
        String name = applicantName != null && !applicantName.isBlank() ? applicantName.strip()
                : who.idNumber() != null && who.idNumber().equalsIgnoreCase(applicant.id()) ? who.name() : null;
        if (name != null) {
            a.put("name", name);
        }
        Created created = applications.create(body, "online-" + ref, new Actor(who.actorName(), Set.of(), null));
        long id = created.application().id();
        uploads.attach(who.phone(), ref, id);
        store.exec("UPDATE online_draft SET application_id = ? WHERE reference = ?", id, ref);
        store.exec("INSERT INTO online_submission (application_id, phone, reference, submitted_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (application_id) DO NOTHING", id, who.phone(), ref, OffsetDateTime.now(clock));
        return queries.get(id, Progress.READER);
    }

    /** The applicant's applications, newest first. */
    public List<Application> mine(SignedIn who) {
        return store.list("SELECT application_id FROM online_submission WHERE phone = ? ORDER BY application_id DESC",
                rs -> rs.getLong(1), who.phone()).stream().map(id -> queries.get(id, Progress.READER)).toList();
    }

    /** One of the applicant's applications by its number; 404 for anybody else's. */
    public Application mine(SignedIn who, String number) {
        return queries.byNumber(number == null ? "" : number, Progress.READER)
                .filter(a -> store.one("SELECT 1 FROM online_submission WHERE application_id = ? AND phone = ?",
                        rs -> 1, a.id(), who.phone()).isPresent())
                .orElseThrow(() -> OnlineException.notFound("no application " + number + " of yours"));
    }

    public ProgressView progress(Application app) {
        return progress.of(app);
    }

    /**
     * 补正: a file for an application after submission — a material still unchecked at the desk, a
     * tolerated one now due, or what a department asked for. The desk records it as received.
     */
    public Upload supplement(SignedIn who, String number, String material, String fileName, byte[] content) {
        Application app = mine(who, number);
        if (!supplementable(app).contains(material)) {
            throw new OnlineException(409, "nothing to supplement", "application " + app.number()
                    + " does not wait for '" + material + "' from you", "material");
        }
        return uploads.store(who.phone(), submissionReference(app), app.id(), material, "supplement", fileName, content);
    }

    /** The material codes the applicant may send now. */
    public List<String> supplementable(Application app) {
        boolean departmentAsks = app.tasks().stream().anyMatch(t -> DepartmentTask.SUPPLEMENT.equals(t.status()));
        return app.checklist().stream().filter(l -> app.status() == ApplicationStatus.CHECKING
                && (l.state() == org.onewindow.casework.MaterialState.PENDING
                        || l.state() == org.onewindow.casework.MaterialState.MISSING)
                || l.outstanding() || departmentAsks && app.status().running()).map(ChecklistLine::code).toList();
    }

    private String submissionReference(Application app) {
        return store.one("SELECT reference FROM online_submission WHERE application_id = ?", rs -> rs.getString(1),
                app.id()).orElse(app.number());
    }
}
