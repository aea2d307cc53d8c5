package org.onewindow.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.guide.LibraryPolicy;
import org.onewindow.intake.DecisionLog;
import org.onewindow.intake.DepartmentRole;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.intake.MaterialItem;
import org.onewindow.intake.MatterSummary;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.Precheck;
import org.onewindow.intake.Situation;
import org.onewindow.intake.SituationReader;
import org.onewindow.library.MaterialLibrary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The clerk desk's work on applications (办件). Every change is one database transaction that
 * locks the application row, checks the version the caller saw, changes state, appends to the
 * timeline and bumps the version — so two clerks can never both accept, and nothing half-done is
 * ever stored. Completeness is judged by the DRL completeness rules over the decision the
 * application was taken on and the materials checked in.
 */
@ApplicationScoped
public class CaseworkService {

    /** Who is acting: their username, roles and (for a reviewer) department. */
    public record Actor(String username, Set<String> roles, String department) {

        boolean admin() {
            return roles.contains("admin");
        }
    }

    /** A create request's answer: the application, and whether it was an idempotent replay. */
    public record Created(Application application, boolean replayed) {
    }

    /** The completeness check: outcome by the rules, what is missing, what may come later, the notice. */
    public record Check(String outcome, List<Missing> missing, List<Tolerable> tolerable, String reason,
            String reasonEn, String notice) {
    }

    public record Missing(String code, String name, boolean key, boolean tolerable) {
    }

    public record Tolerable(String code, String name, int deadlineDays, LocalDate dueOn) {
    }

    private static final int MAX_NAME = 100;
    private static final int MAX_REASON = 1000;

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationStore store;

    @Inject
    IntakeService intake;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    MaterialLibrary library;

    @Inject
    ObjectMapper json;

    @Inject
    CaseNotices notices;

    @ConfigProperty(name = "onewindow.casework.warning-days", defaultValue = "2")
    int warningDays;

    @ConfigProperty(name = "onewindow.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    /** The service centre's time zone. */
    public String zone() {
        return zone.getId();
    }

    /** Today in the service centre's time zone: dates on documents and deadlines are local dates. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    private record Calendar(String catalogueVersion, WorkingDays days) {
    }

    private final java.util.concurrent.atomic.AtomicReference<Calendar> calendar =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The working days of the serving knowledge base's calendars, built once per knowledge-base version. */
    public WorkingDays workingDays() {
        Catalogue catalogue = catalogues.current();
        Calendar cached = calendar.get();
        if (cached == null || !cached.catalogueVersion().equals(catalogue.version())) {
            cached = new Calendar(catalogue.version(), new WorkingDays(catalogue.calendars()));
            calendar.set(cached);
        }
        return cached.days();
    }

    // --- creating --------------------------------------------------------------------------------

    /**
     * Starts an application from a kiosk/online reference or from matters/event, for an identified
     * applicant; decided now (with the applicant's shared library) and recorded. A repeated
     * {@code idempotencyKey} returns the application it first created.
     */
    public Created create(JsonNode body, String idempotencyKey, Actor actor) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 characters");
        }
        String requestHash = hash(body);
        if (idempotencyKey != null) {
            Optional<Created> replay = replay(idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Catalogue catalogue = catalogues.current();
        String reference = textField(body, "reference", 40);
        String name = textField(body, "applicant.name", MAX_NAME);
        Situation situation = new SituationReader(catalogue).read(situationBody(body, reference));
        if (situation.applicant().id() == null) {
            throw new InvalidInputException("applicant.id",
                    "an application needs the applicant's identity number or unified social credit code");
        }
        Outcome outcome = intake.decide(catalogue, situation);
        if (!outcome.pendingQuestions().isEmpty()) {
            throw new CaseworkException(422, "questions pending", "answer these questions first: they decide which "
                    + "materials are needed", "answers", Map.of("pendingQuestions", outcome.pendingQuestions()));
        }
        if (outcome.matters().isEmpty()) {
            throw new CaseworkException(422, "nothing to apply for",
                    "with these answers none of the life event's matters applies", "answers", null);
        }
        Outcome recorded = intake.record(situation, outcome);
        List<ChecklistLine> checklist = checklist(recorded);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Long> id = store.insert(c, new ApplicationStore.NewRow(situation.applicant().type(),
                        situation.applicant().id(), name, situation.applicant().creditStatus(),
                        recorded.matters().stream().map(MatterSummary::code).toList(), recorded.event(),
                        write(situation), write(recorded), recorded.decisionId(), recorded.ruleSet().version(),
                        reference, recorded.window() == null ? null : recorded.window().code(), lead(recorded),
                        recorded.matters().stream().mapToInt(MatterSummary::promisedDays).max().orElse(0),
                        actor.username(), idempotencyKey, requestHash), today());
                if (id.isEmpty()) {
                    // another request with the same key won the race: answer with its application
                    c.rollback();
                    return replay(idempotencyKey, requestHash).orElseThrow();
                }
                store.insertMaterials(c, id.get(), checklist);
                store.event(c, id.get(), actor.username(), "created", reference == null
                        ? "decision=" + recorded.reference() : "reference=" + reference + " decision=" + recorded.reference());
                c.commit();
                return new Created(load(c, id.get()), false);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the application", e);
        }
    }

    private Optional<Created> replay(String key, String requestHash) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Long> id = store.idForKey(c, key);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            ApplicationStore.Row row = store.find(c, id.get()).orElseThrow();
            if (!requestHash.equals(row.requestHash())) {
                throw new CaseworkException(422, "idempotency key reused", "this Idempotency-Key was used for a "
                        + "different request (application " + row.number() + ")", "Idempotency-Key", null);
            }
            return Optional.of(new Created(load(c, id.get()), true));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read applications", e);
        }
    }

    /** The situation to decide: the body's, or the kiosk decision's with the body's applicant and answers on top. */
    private ObjectNode situationBody(JsonNode body, String reference) {
        ObjectNode copy = body.deepCopy();
        copy.remove("reference");
        if (copy.get("applicant") instanceof ObjectNode applicant) {
            applicant.remove("name");
        }
        if (reference == null) {
            return copy;
        }
        DecisionLog.Recorded kiosk = intake.find(reference).orElseThrow(() -> new InvalidInputException("reference",
                "no kiosk or online decision has the reference '" + reference + "'"));
        if (copy.has("matters") || copy.has("event")) {
            throw new InvalidInputException("reference", "give either a reference or matters/event, not both");
        }
        ObjectNode merged = json.valueToTree(kiosk.situation());
        merged.remove("asOf");
        merged.remove(kiosk.situation().event() == null ? "event" : "matters");
        merged.set("applicant", copy.get("applicant"));
        if (copy.get("answers") instanceof ObjectNode answers) {
            ObjectNode known = merged.get("answers") instanceof ObjectNode o ? o : merged.putObject("answers");
            known.setAll(answers);
        }
        return merged;
    }

    /** The required materials of the decision (not those another matter of the visit produces). */
    private static List<ChecklistLine> checklist(Outcome outcome) {
        Map<String, Integer> deadlines = new java.util.HashMap<>();
        outcome.tolerable().forEach(t -> deadlines.put(t.code(), t.deadlineDays()));
        List<ChecklistLine> lines = new ArrayList<>();
        for (MaterialItem m : outcome.materials()) {
            if (!m.required() || m.pending() || m.producedBy() != null) {
                continue;
            }
            lines.add(new ChecklistLine(m.code(), m.title() != null ? m.title() : m.name(), m.key(),
                    deadlines.containsKey(m.code()), deadlines.get(m.code()),
                    m.fromLibrary() ? MaterialState.LIBRARY : MaterialState.PENDING, m.form(), null, null));
        }
        return lines;
    }

    private static String lead(Outcome outcome) {
        return outcome.departments().stream().filter(d -> DepartmentRole.LEAD.equals(d.role())).map(DepartmentRole::code)
                .findFirst().orElse(null);
    }

    // --- reading ---------------------------------------------------------------------------------

    public Application get(long id) {
        try (Connection c = dataSource.getConnection()) {
            return load(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read application " + id, e);
        }
    }

    public Optional<Application> byNumber(String number) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Long> id = store.idForNumber(c, number.strip().toUpperCase(java.util.Locale.ROOT));
            return id.isEmpty() ? Optional.empty() : Optional.of(load(c, id.get()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read applications", e);
        }
    }

    /** The queue: newest first, by status and a search text (number, applicant ID or name, kiosk reference). */
    public List<Application> queue(List<ApplicationStatus> statuses, String text, int limit) {
        try (Connection c = dataSource.getConnection()) {
            List<Application> list = new ArrayList<>();
            for (ApplicationStore.Row row : store.list(c, statuses, text, limit)) {
                list.add(view(row, store.materials(c, row.id()), store.tasks(c, row.id()), List.of()));
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read applications", e);
        }
    }

    /** The decision snapshot an application was taken on. */
    public Outcome outcome(long id) {
        try (Connection c = dataSource.getConnection()) {
            return outcome(row(c, id, false));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read application " + id, e);
        }
    }

    // --- the desk ----------------------------------------------------------------------------

    /**
     * Checks an item in (received / missing / back to pending) while the application is at the
     * desk; after acceptance, "received" on a tolerated item records it as supplied.
     */
    public Application setMaterial(long id, String code, String state, String form, Integer version, Actor actor) {
        MaterialState target = switch (state == null ? "" : state) {
            case "received" -> MaterialState.RECEIVED;
            case "missing" -> MaterialState.MISSING;
            case "pending" -> MaterialState.PENDING;
            default -> throw new InvalidInputException("state", "must be \"received\", \"missing\" or \"pending\"");
        };
        if (form != null && !Set.of("original", "copy", "original-and-copy").contains(form)) {
            throw new InvalidInputException("form", "must be \"original\", \"copy\" or \"original-and-copy\"");
        }
        // checking an item in is one click at the desk: the version is optional (each click is its own change)
        return change(id, version, false, (c, row, lines) -> {
            ChecklistLine line = lines.stream().filter(l -> l.code().equals(code)).findFirst()
                    .orElseThrow(() -> CaseworkException.notFound("application " + row.number() + " has no material '"
                            + code + "'"));
            if (row.status() == ApplicationStatus.CHECKING) {
                if (line.state() == MaterialState.LIBRARY && target == MaterialState.RECEIVED) {
                    return; // already held: nothing to record
                }
                store.setMaterial(c, id, code, target, target == MaterialState.RECEIVED ? form : null, null,
                        actor.username());
                store.event(c, id, actor.username(), "material", code + "=" + target.code());
                if (line.state() == MaterialState.LIBRARY && target == MaterialState.MISSING) {
                    // the clerk found the kept copy wrong or outdated: withdraw it from the library
                    library.revoke(c, row.applicantId(), code);
                }
            } else if (row.status().accepted() && line.state() == MaterialState.TOLERATED
                    && target == MaterialState.RECEIVED) {
                store.setMaterial(c, id, code, MaterialState.SUPPLIED, form, line.dueOn(), actor.username());
                store.event(c, id, actor.username(), "supplied", code + (today().isAfter(line.dueOn())
                        ? " overdue-since=" + line.dueOn() : ""));
                keep(c, row, code, actor);
            } else {
                throw CaseworkException.state("application " + row.number() + " is " + row.status().code()
                        + ": its checklist can no longer change" + (row.status().accepted()
                                ? " (only tolerated items can be supplied)" : ""));
            }
            store.update(c, id, row.status(), null, null, null);
        });
    }

    /** Judges completeness by the rules; changes nothing. */
    public Check check(long id) {
        try (Connection c = dataSource.getConnection()) {
            ApplicationStore.Row row = row(c, id, false);
            return check(row, store.materials(c, id));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read application " + id, e);
        }
    }

    private Check check(ApplicationStore.Row row, List<ChecklistLine> lines) {
        Outcome outcome = outcome(row);
        // what the desk's checklist says is what counts: a library item the clerk marked missing is missing
        Set<String> have = new HashSet<>();
        lines.stream().filter(l -> l.state().atHand()).forEach(l -> have.add(l.code()));
        Precheck verdict = intake.decider(catalogues.current()).check(outcome, have);
        WorkingDays days = workingDays();
        LocalDate today = today();
        LocalDate due = days.add(today, row.promisedDays());
        List<Missing> missing = verdict.missing().stream().map(m -> new Missing(m.code(), name(m), m.key(),
                verdict.tolerable().stream().anyMatch(t -> t.code().equals(m.code())))).toList();
        List<Tolerable> tolerable = verdict.tolerable().stream().map(t -> new Tolerable(t.code(), t.name(),
                t.deadlineDays(), min(days.add(today, t.deadlineDays()), due))).toList();
        String notice = "incomplete".equals(verdict.outcome()) || "tolerable".equals(verdict.outcome())
                ? notices.missing(row, outcome, missing, tolerable) : null;
        return new Check(verdict.outcome(), missing, tolerable, verdict.reason(), verdict.reasonEn(), notice);
    }

    /**
     * Accepts the application as the rules judge it: complete → accepted; only tolerable items
     * missing → accepted with tolerance, each item due within its deadline (never beyond the
     * promised time limit); anything else → refused with the one-time notice (422), unless the clerk
     * overrides with a reason. Dispatches the departments and keeps verified materials in the library.
     */
    public Application accept(long id, Integer version, String overrideReason, Actor actor) {
        String override = reason(overrideReason, "override.reason", false);
        return change(id, version, actor, (c, row, lines) -> {
            requireStatus(row, ApplicationStatus.CHECKING, "accepted");
            Check check = check(row, lines);
            LocalDate today = today();
            WorkingDays days = workingDays();
            LocalDate due = days.add(today, row.promisedDays());
            ApplicationStatus status;
            switch (check.outcome()) {
                case "complete" -> status = ApplicationStatus.ACCEPTED;
                case "tolerable" -> {
                    status = ApplicationStatus.ACCEPTED_WITH_TOLERANCE;
                    for (Tolerable t : check.tolerable()) {
                        store.setMaterial(c, id, t.code(), MaterialState.TOLERATED, null, t.dueOn(), actor.username());
                    }
                }
                default -> {
                    if (override == null) {
                        throw new CaseworkException(422, "incomplete", "not accepted: " + check.reason()
                                + " — the one-time notice lists everything still needed", null,
                                Map.of("outcome", check.outcome(), "missing", check.missing(), "notice", check.notice()));
                    }
                    status = ApplicationStatus.ACCEPTED_WITH_TOLERANCE;
                    for (Missing m : check.missing()) {
                        LocalDate itemDue = check.tolerable().stream().filter(t -> t.code().equals(m.code()))
                                .map(Tolerable::dueOn).findFirst().orElse(due);
                        store.setMaterial(c, id, m.code(), MaterialState.TOLERATED, null, itemDue, actor.username());
                    }
                    store.event(c, id, actor.username(), "override", "rules=" + check.outcome() + " clerk=accept reason="
                            + override);
                }
            }
            for (ChecklistLine l : lines) {
                if (l.state() == MaterialState.RECEIVED) {
                    keep(c, row, l.code(), actor);
                }
            }
            Outcome outcome = outcome(row);
            store.insertTasks(c, id, outcome.departments().stream().map(d -> new DepartmentTask(d.code(), null,
                    d.role(), DepartmentTask.PENDING, null, null, null)).toList());
            store.update(c, id, status, today, due, null);
            store.event(c, id, actor.username(), status.code(), "due=" + due + (days.covers(today, due) ? "" : " estimated"));
            store.event(c, id, actor.username(), "dispatched", String.join(",", outcome.departments().stream()
                    .map(d -> d.code() + ":" + d.role()).toList()));
        });
    }

    /**
     * Hands the application back (不予受理) with the one-time notice. When the rules would accept it,
     * the clerk must say why (an override, recorded).
     */
    public Application giveBack(long id, Integer version, String overrideReason, Actor actor) {
        String override = reason(overrideReason, "override.reason", false);
        return change(id, version, actor, (c, row, lines) -> {
            requireStatus(row, ApplicationStatus.CHECKING, "returned");
            Check check = check(row, lines);
            if (!"incomplete".equals(check.outcome())) {
                if (override == null) {
                    throw new CaseworkException(422, "acceptable", "the rules judge it " + check.outcome() + " ("
                            + check.reason() + "): give override.reason to return it anyway", "override.reason", null);
                }
                store.event(c, id, actor.username(), "override", "rules=" + check.outcome() + " clerk=return reason="
                        + override);
            }
            for (Missing m : check.missing()) {
                store.setMaterial(c, id, m.code(), MaterialState.MISSING, null, null, actor.username());
            }
            store.update(c, id, ApplicationStatus.RETURNED, null, null, null);
            store.event(c, id, actor.username(), "returned", "missing=" + String.join(",",
                    check.missing().stream().map(Missing::code).toList()));
        });
    }

    // --- the back office ---------------------------------------------------------------------

    /**
     * A department's decision on an accepted application: approve, reject (with reason) or request
     * a supplement (with reason). When every department has approved or rejected, the result waits
     * at the unified window. A reviewer decides only for their own department.
     */
    public Application decide(long id, String department, Integer version, String decision, String reasonText,
            Actor actor) {
        String status = switch (decision == null ? "" : decision) {
            case "approve" -> DepartmentTask.APPROVED;
            case "reject" -> DepartmentTask.REJECTED;
            case "supplement" -> DepartmentTask.SUPPLEMENT;
            default -> throw new InvalidInputException("decision", "must be \"approve\", \"reject\" or \"supplement\"");
        };
        String reason = reason(reasonText, "reason", !DepartmentTask.APPROVED.equals(status));
        if (!actor.admin() && !department.equals(actor.department())) {
            throw CaseworkException.forbidden("you decide for department " + actor.department() + ", not " + department);
        }
        return change(id, version, actor, (c, row, lines) -> {
            if (!row.status().accepted()) {
                throw CaseworkException.state("application " + row.number() + " is " + row.status().code()
                        + ": departments decide only accepted applications");
            }
            List<DepartmentTask> tasks = store.tasks(c, id);
            DepartmentTask task = tasks.stream().filter(t -> t.department().equals(department)).findFirst()
                    .orElseThrow(() -> CaseworkException.notFound("application " + row.number()
                            + " was not dispatched to department '" + department + "'"));
            if (!DepartmentTask.PENDING.equals(task.status())) {
                throw CaseworkException.state("department " + department + " has already decided: " + task.status());
            }
            Supervision supervision = supervision(row, lines);
            if (supervision.suspended() && DepartmentTask.APPROVED.equals(status)) {
                throw CaseworkException.state("processing is suspended: tolerated materials are overdue ("
                        + String.join(", ", supervision.overdueMaterials()) + ")");
            }
            store.updateTask(c, id, department, status, reason, actor.username());
            store.event(c, id, actor.username(), "decision", department + "=" + status + (reason == null ? ""
                    : " reason=" + reason));
            List<DepartmentTask> after = store.tasks(c, id);
            if (after.stream().allMatch(DepartmentTask::decided)) {
                String result = after.stream().anyMatch(t -> DepartmentTask.REJECTED.equals(t.status()))
                        ? "rejected" : "approved";
                store.update(c, id, ApplicationStatus.READY_FOR_PICKUP, null, null, result);
                store.event(c, id, actor.username(), "ready-for-pickup", "result=" + result);
            } else {
                store.update(c, id, row.status(), null, null, null);
            }
        });
    }

    /** The applicant supplied what a department asked for: the department's task is open again. */
    public Application supplementSupplied(long id, String department, Integer version, Actor actor) {
        return change(id, version, actor, (c, row, lines) -> {
            DepartmentTask task = store.tasks(c, id).stream().filter(t -> t.department().equals(department))
                    .findFirst().orElseThrow(() -> CaseworkException.notFound("application " + row.number()
                            + " was not dispatched to department '" + department + "'"));
            if (!DepartmentTask.SUPPLEMENT.equals(task.status())) {
                throw CaseworkException.state("department " + department + " has not asked for a supplement");
            }
            store.updateTask(c, id, department, DepartmentTask.PENDING, null, null);
            store.event(c, id, actor.username(), "supplement-supplied", department);
            store.update(c, id, row.status(), null, null, null);
        });
    }

    /** The result is handed over at the unified window (统一出件). */
    public Application deliver(long id, Integer version, Actor actor) {
        return change(id, version, actor, (c, row, lines) -> {
            requireStatus(row, ApplicationStatus.READY_FOR_PICKUP, "delivered");
            store.update(c, id, ApplicationStatus.DELIVERED, null, null, null);
            store.event(c, id, actor.username(), "delivered", "result=" + row.result());
        });
    }

    // --- the transaction skeleton ------------------------------------------------------------

    @FunctionalInterface
    private interface Change {
        void apply(Connection c, ApplicationStore.Row row, List<ChecklistLine> lines) throws SQLException;
    }

    /**
     * One state change: lock the row, refuse a stale version, apply, commit — or roll everything
     * back. Decisions (accept, return, department decisions, delivery) must say which version they
     * were taken on.
     */
    private Application change(long id, Integer version, Actor actor, Change change) {
        return change(id, version, true, change);
    }

    private Application change(long id, Integer version, boolean versionRequired, Change change) {
        if (version == null && versionRequired) {
            throw new InvalidInputException("version", "give the version you are changing (from the last read)");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ApplicationStore.Row row = row(c, id, true);
                if (version != null && row.version() != version) {
                    throw CaseworkException.stale(id, version, row.version());
                }
                change.apply(c, row, store.materials(c, id));
                c.commit();
                return load(c, id);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change application " + id, e);
        }
    }

    private ApplicationStore.Row row(Connection c, long id, boolean lock) throws SQLException {
        return (lock ? store.lock(c, id) : store.find(c, id))
                .orElseThrow(() -> CaseworkException.notFound("no application " + id));
    }

    private static void requireStatus(ApplicationStore.Row row, ApplicationStatus required, String target) {
        if (row.status() != required) {
            throw CaseworkException.state("application " + row.number() + " is " + row.status().code()
                    + ": it cannot become " + target + " (only from " + required.code() + ")");
        }
    }

    /** Keeps a verified material for the applicant if the library policy keeps that kind. */
    private void keep(Connection c, ApplicationStore.Row row, String code, Actor actor) throws SQLException {
        Catalogue catalogue = catalogues.current();
        LibraryPolicy policy = catalogue.libraryPolicy();
        if (catalogue.material(code).filter(policy::keeps).isPresent()) {
            library.keep(c, row.applicantId(), code, row.id(), actor.username(), today().plusMonths(policy.monthsFor(code)));
        }
    }

    // --- views -------------------------------------------------------------------------------

    private Application load(Connection c, long id) throws SQLException {
        ApplicationStore.Row row = row(c, id, false);
        return view(row, store.materials(c, id), store.tasks(c, id), store.timeline(c, id));
    }

    private Application view(ApplicationStore.Row row, List<ChecklistLine> lines, List<DepartmentTask> tasks,
            List<TimelineEntry> timeline) {
        Catalogue catalogue = catalogues.current();
        List<DepartmentTask> named = tasks.stream().map(t -> new DepartmentTask(t.department(),
                catalogue.department(t.department()).map(d -> d.name()).orElse(t.department()), t.role(), t.status(),
                t.reason(), t.decidedBy(), t.decidedAt())).toList();
        List<String> names = row.matters().stream().map(code -> catalogue.matter(code).map(m -> m.name()).orElse(code))
                .toList();
        String windowName = row.window() == null ? null
                : catalogue.window(row.window()).map(w -> w.name()).orElse(row.window());
        return new Application(row.id(), row.number(), row.status(), row.version(),
                new Application.ApplicantInfo(row.applicantType(), row.applicantId(), row.applicantName(),
                        row.creditStatus()),
                row.matters(), names, row.event(), row.window(), windowName, row.leadDepartment(), row.kioskReference(),
                row.ruleSetVersion(), row.decisionId(), row.promisedDays(), row.result(), row.createdBy(),
                row.createdAt(), row.acceptedOn(), row.dueOn(), lines, named, timeline, supervision(row, lines));
    }

    private Supervision supervision(ApplicationStore.Row row, List<ChecklistLine> lines) {
        return Supervision.of(row.status(), row.acceptedOn(), row.dueOn(), lines, today(), workingDays(), warningDays);
    }

    private Outcome outcome(ApplicationStore.Row row) {
        try {
            return json.readValue(row.outcome(), Outcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the decision of application " + row.id(), e);
        }
    }

    private static String name(MaterialItem m) {
        return m.title() != null ? m.title() : m.name();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    // --- input helpers -----------------------------------------------------------------------

    private static String reason(String text, String field, boolean required) {
        String value = text == null ? null : text.strip();
        if (value == null || value.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "give a reason; it is recorded and shown to the applicant");
            }
            return null;
        }
        if (value.length() < 2 || value.length() > MAX_REASON) {
            throw new InvalidInputException(field, "must be 2 to " + MAX_REASON + " characters");
        }
        return value;
    }

    /** A string field at a dotted path, or null; refuses other types and over-long values. */
    private static String textField(JsonNode body, String path, int max) {
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(path, "must be a string");
        }
        String value = node.asText().strip();
        if (value.length() > max) {
            throw new InvalidInputException(path, "at most " + max + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(JsonNode body) {
        try {
            String canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(json.treeToValue(body, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
