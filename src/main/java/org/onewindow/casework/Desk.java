package org.onewindow.casework;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.guide.LibraryPolicy;
import org.onewindow.intake.Outcome;
import org.onewindow.library.MaterialLibrary;

/**
 * The front desk (综合窗口): checking materials in, the completeness check, acceptance as the rules
 * judge it, and handing an application back with the one-time notice. Anything the rules do not
 * allow goes through {@link Overrides} and a supervisor.
 */
@ApplicationScoped
public class Desk {

    @Inject
    Changes changes;

    @Inject
    ApplicationStore store;

    @Inject
    Completeness completeness;

    @Inject
    Overrides overrides;

    @Inject
    ApplicationViews views;

    @Inject
    DeskCalendar calendar;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    MaterialLibrary library;

    /**
     * Checks an item in (received / missing / back to pending) while the application is at the
     * desk; after acceptance, "received" on a tolerated item records it as supplied — and resumes
     * an application suspended for it.
     */
    @Transactional
    public Application setMaterial(long id, String code, Requests.MaterialCheck request, Actor actor) {
        MaterialState target = MaterialState.of(request.state());
        // checking an item in is one click at the desk: the version is optional (each click is its own change)
        Changes.Locked locked = changes.lock(id, request.version(), false);
        ApplicationStore.Row row = locked.row();
        ChecklistLine line = locked.lines().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> CaseworkException.notFound("application " + row.number() + " has no material '"
                        + code + "'"));
        LocalDate today = calendar.today();
        ApplicationStatus next = row.status();
        if (row.status() == ApplicationStatus.CHECKING) {
            if (line.state() == MaterialState.LIBRARY && target == MaterialState.RECEIVED) {
                return changes.view(id); // already held: nothing to record
            }
            store.setMaterial(id, code, target, target == MaterialState.RECEIVED ? request.form() : null, null,
                    actor.username(), null, calendar.now());
            changes.event(id, actor.username(), "material", code + "=" + target.code(),
                    Changes.data("material", code, "state", target.code()));
            if (line.state() == MaterialState.LIBRARY && target == MaterialState.MISSING) {
                // the clerk found the kept copy wrong or outdated: withdraw it from the library
                library.revoke(row.applicantId(), code);
            }
        } else if (line.outstanding() && target == MaterialState.RECEIVED) {
            store.setMaterial(id, code, MaterialState.SUPPLIED, request.form(), line.dueOn(), actor.username(), today,
                    calendar.now());
            boolean late = line.dueOn() != null && today.isAfter(line.dueOn());
            changes.event(id, actor.username(), "supplied", code + (late ? " overdue-since=" + line.dueOn() : ""),
                    Changes.data("material", code, "dueOn", line.dueOn(), "late", late));
            keep(row, code, actor.username());
            boolean stillOverdue = locked.lines().stream().anyMatch(l -> l.outstanding() && !l.code().equals(code)
                    && l.dueOn() != null && today.isAfter(l.dueOn()));
            if (row.status() == ApplicationStatus.SUSPENDED && !stillOverdue) {
                next = ApplicationStatus.ACCEPTED_WITH_TOLERANCE;
                changes.event(id, actor.username(), "resumed", "supplied=" + code, Changes.data("material", code));
            }
        } else {
            throw CaseworkException.state("application " + row.number() + " is " + row.status().code()
                    + ": its checklist can no longer change" + (row.status() != ApplicationStatus.CHECKING
                            ? " (only tolerated items can be supplied)" : ""));
        }
        changes.status(id, next);
        return changes.view(id);
    }

    /** Judges completeness by the rules; changes nothing. */
    @Transactional
    public CompletenessCheck check(long id) {
        ApplicationStore.Row row = store.find(id).orElseThrow(() -> CaseworkException.notFound("no application " + id));
        return completeness.check(row, store.materials(id));
    }

    /**
     * Accepts the application as the rules judge it: complete → accepted; only tolerable items
     * missing → accepted with tolerance, each item due within its deadline (which the rules keep
     * short of the promised time limit); anything else → refused with the one-time notice (422). An
     * override is not decided here: it is proposed to a supervisor ({@link Overrides}).
     */
    @Transactional
    public Application accept(long id, Requests.Accept request, Actor actor) {
        Changes.Locked locked = changes.lock(id, request.version(), true);
        Changes.requireStatus(locked.row(), ApplicationStatus.CHECKING, "accepted");
        locked = completeness.refreshCredit(locked, actor.username());
        CompletenessCheck check = completeness.check(locked.row(), locked.lines());
        switch (check.outcome()) {
            case "complete" -> {
                acceptNow(locked, ApplicationStatus.ACCEPTED, Map.of(), actor.username());
            }
            case "tolerable" -> {
                Map<String, LocalDate> due = new java.util.LinkedHashMap<>();
                check.tolerable().forEach(t -> due.put(t.code(), t.dueOn()));
                acceptNow(locked, ApplicationStatus.ACCEPTED_WITH_TOLERANCE, due, actor.username());
            }
            default -> {
                if (request.override() != null) {
                    // the safeguards answer first (a key material, bad credit: never); anything else needs a second person
                    overrides.refuseUnlawful(locked.row(), check);
                    throw new CaseworkException(422, "override needs a supervisor", "an override is proposed "
                            + "(POST /api/applications/" + id + "/overrides) and approved by a supervisor", "override",
                            Map.of("missing", check.mustBring()));
                }
                throw new CaseworkException(422, "incomplete", "not accepted: " + check.reason()
                        + " — the one-time notice lists everything still needed", null,
                        Map.of("outcome", check.outcome(), "missing", check.missing(), "notice", check.notice()));
            }
        }
        return changes.view(id);
    }

    /**
     * Accepts now: tolerated items get their supply-by dates, the departments their tasks, verified
     * materials go to the shared library, the timeline says all of it.
     */
    void acceptNow(Changes.Locked locked, ApplicationStatus status, Map<String, LocalDate> tolerated, String clerk) {
        long id = locked.id();
        LocalDate today = calendar.today();
        WorkingDays days = calendar.workingDays();
        LocalDate due = days.add(today, locked.row().promisedDays());
        tolerated.forEach((code, on) -> store.setMaterial(id, code, MaterialState.TOLERATED, null, on,
                clerk, null, calendar.now()));
        for (ChecklistLine l : locked.lines()) {
            if (l.state() == MaterialState.RECEIVED) {
                keep(locked.row(), l.code(), clerk);
            }
        }
        Outcome outcome = views.outcome(store.find(id).orElseThrow());
        store.insertTasks(id, outcome.departments().stream().map(d -> new DepartmentTask(d.code(), null,
                d.role(), DepartmentTask.PENDING, null, null, null)).toList());
        store.update(id, status, today, due, null, calendar.now());
        store.accepted(id, status, clerk);
        boolean estimated = !days.covers(today, due);
        changes.event(id, clerk, status.code(), "due=" + due + (estimated ? " estimated" : ""),
                Changes.data("dueOn", due, "estimated", estimated, "tolerated", tolerated.isEmpty() ? null : tolerated));
        changes.event(id, clerk, "dispatched", String.join(",", outcome.departments().stream()
                .map(d -> d.code() + ":" + d.role()).toList()), Changes.data("departments", outcome.departments()
                        .stream().map(d -> Map.of("code", d.code(), "role", d.role())).toList()));
    }

    /**
     * Hands the application back (不予受理) with the one-time notice. When the rules would accept it,
     * the clerk must say why (recorded).
     */
    @Transactional
    public Application giveBack(long id, Requests.GiveBack request, Actor actor) {
        String override = request.override() == null ? null : request.override().reason().strip();
        Changes.Locked locked = changes.lock(id, request.version(), true);
        Changes.requireStatus(locked.row(), ApplicationStatus.CHECKING, "returned");
        CompletenessCheck check = completeness.check(locked.row(), locked.lines());
        if (!check.incomplete()) {
            if (override == null) {
                throw new CaseworkException(422, "acceptable", "the rules judge it " + check.outcome() + " ("
                        + check.reason() + "): give override.reason to return it anyway", "override.reason", null);
            }
            changes.event(id, actor.username(), "override", "rules=" + check.outcome() + " clerk=return reason="
                    + override, Changes.data("rules", check.outcome(), "clerk", "return", "reason", override));
        }
        for (CompletenessCheck.Missing m : check.missing()) {
            store.setMaterial(id, m.code(), MaterialState.MISSING, null, null, actor.username(), null, calendar.now());
        }
        store.update(id, ApplicationStatus.RETURNED, null, null, null, calendar.now());
        changes.event(id, actor.username(), "returned", "missing=" + String.join(",",
                check.missing().stream().map(CompletenessCheck.Missing::code).toList()),
                Changes.data("missing", check.missing().stream().map(CompletenessCheck.Missing::code).toList()));
        return changes.view(id);
    }

    /** Keeps a verified material for the applicant if the library policy keeps that kind. */
    void keep(ApplicationStore.Row row, String code, String clerk) {
        Catalogue catalogue = catalogues.current();
        LibraryPolicy policy = catalogue.libraryPolicy();
        if (catalogue.material(code).filter(policy::keeps).isPresent()) {
            library.keep(row.applicantId(), code, row.id(), clerk,
                    calendar.today().plusMonths(policy.monthsFor(code)));
        }
    }
}
