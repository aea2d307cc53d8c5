package org.onewindow.casework;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.guide.Matter;
import org.onewindow.intake.ApplicationResult;
import org.onewindow.intake.IntakeService;

/**
 * The back office and the unified pickup window: departments' decisions, supplements, delivery.
 * A result is not made ready, nor handed over, while a tolerated (容缺) material is outstanding —
 * real 容缺 rules want the material before the certificate — unless every matter's rules allow
 * delivery first. A rejected result is handed over regardless: nothing is issued.
 */
@ApplicationScoped
public class BackOffice {

    @Inject
    Changes changes;

    @Inject
    ApplicationStore store;

    @Inject
    ApplicationViews views;

    @Inject
    DeskCalendar calendar;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    IntakeService intake;

    /**
     * A department's decision on an accepted application: approve, reject (with reason) or request
     * a supplement (with reason). When every department has approved or rejected, the result waits
     * at the unified window. A reviewer decides only for their own department.
     */
    @Transactional
    public Application decide(long id, String department, Requests.Decision request, Actor actor) {
        String status = switch (request.decision()) {
            case "approve" -> DepartmentTask.APPROVED;
            case "reject" -> DepartmentTask.REJECTED;
            default -> DepartmentTask.SUPPLEMENT;
        };
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (reason == null && !DepartmentTask.APPROVED.equals(status)) {
            throw new org.onewindow.intake.InvalidInputException("reason",
                    "give a reason; it is recorded and shown to the applicant");
        }
        if (reason != null && reason.length() < 2) {
            throw new org.onewindow.intake.InvalidInputException("reason", "must be 2 to 1000 characters");
        }
        if (!actor.admin() && !department.equals(actor.department())) {
            throw CaseworkException.forbidden("you decide for department " + actor.department() + ", not " + department);
        }
        Changes.Locked locked = changes.lock(id, request.version(), true);
        ApplicationStore.Row row = locked.row();
        if (!row.status().running()) {
            throw CaseworkException.state("application " + row.number() + " is " + row.status().code()
                    + ": departments decide only accepted applications");
        }
        List<DepartmentTask> tasks = store.tasks(id);
        DepartmentTask task = tasks.stream().filter(t -> t.department().equals(department)).findFirst()
                .orElseThrow(() -> CaseworkException.notFound("application " + row.number()
                        + " was not dispatched to department '" + department + "'"));
        if (!DepartmentTask.PENDING.equals(task.status())) {
            throw CaseworkException.state("department " + department + " has already decided: " + task.status());
        }
        Supervision supervision = views.supervision(row, locked.lines());
        if (supervision.suspended() && DepartmentTask.APPROVED.equals(status)) {
            throw CaseworkException.state("processing is suspended: tolerated materials are overdue ("
                    + String.join(", ", supervision.overdueMaterials()) + ")");
        }
        // what the departments' decisions will add up to once this one is in: the rules say (并联审批)
        List<String> prospective = tasks.stream()
                .map(t -> t.department().equals(department) ? status : t.status()).toList();
        if (ApplicationResult.APPROVED.equals(rollUp(prospective).result())) {
            gate(row, locked.lines(), "approve the last department's part");
        }
        store.updateTask(id, department, status, reason, actor.username(), calendar.now());
        changes.event(id, actor.username(), "decision", department + "=" + status + (reason == null ? ""
                : " reason=" + reason), Changes.data("department", department, "decision", status, "reason", reason));
        ApplicationResult rolled = rollUp(store.tasks(id).stream().map(DepartmentTask::status).toList());
        if (!ApplicationResult.PENDING.equals(rolled.result())) {
            String result = rolled.result();
            store.update(id, ApplicationStatus.READY_FOR_PICKUP, null, null, result, calendar.now());
            changes.event(id, actor.username(), "ready-for-pickup", "result=" + result + " rule=" + rolled.rule(),
                    Changes.data("result", result, "rule", rolled.rule()));
        } else {
            changes.status(id, row.status());
        }
        return changes.view(id);
    }

    /** The application's result from its departments' task statuses, by the department-decisions table. */
    private ApplicationResult rollUp(List<String> statuses) {
        return intake.decider(catalogues.current()).result(statuses);
    }

    /** The applicant supplied what a department asked for: the department's task is open again. */
    @Transactional
    public Application supplementSupplied(long id, String department, Requests.Versioned request, Actor actor) {
        Changes.Locked locked = changes.lock(id, request.version(), true);
        ApplicationStore.Row row = locked.row();
        DepartmentTask task = store.tasks(id).stream().filter(t -> t.department().equals(department))
                .findFirst().orElseThrow(() -> CaseworkException.notFound("application " + row.number()
                        + " was not dispatched to department '" + department + "'"));
        if (!DepartmentTask.SUPPLEMENT.equals(task.status())) {
            throw CaseworkException.state("department " + department + " has not asked for a supplement");
        }
        store.updateTask(id, department, DepartmentTask.PENDING, null, null, calendar.now());
        changes.event(id, actor.username(), "supplement-supplied", department, Changes.data("department", department));
        changes.status(id, row.status());
        return changes.view(id);
    }

    /** The result is handed over at the unified window (统一出件). */
    @Transactional
    public Application deliver(long id, Requests.Versioned request, Actor actor) {
        Changes.Locked locked = changes.lock(id, request.version(), true);
        ApplicationStore.Row row = locked.row();
        Changes.requireStatus(row, ApplicationStatus.READY_FOR_PICKUP, "delivered");
        if ("approved".equals(row.result())) {
            gate(row, locked.lines(), "hand the result over");
        }
        store.update(id, ApplicationStatus.DELIVERED, null, null, null, calendar.now());
        store.delivered(id, calendar.today());
        changes.event(id, actor.username(), "delivered", "result=" + row.result(), Changes.data("result", row.result()));
        return changes.view(id);
    }

    /** 409 while a tolerated material is outstanding, unless every matter's rules allow delivery first. */
    private void gate(ApplicationStore.Row row, List<ChecklistLine> lines, String what) {
        List<ChecklistLine> outstanding = lines.stream().filter(ChecklistLine::outstanding).toList();
        if (outstanding.isEmpty() || deliveryFirst(row)) {
            return;
        }
        throw new CaseworkException(409, "tolerated material outstanding", "cannot " + what + " of application "
                + row.number() + ": the tolerated materials must be supplied first ("
                + String.join(", ", outstanding.stream().map(ChecklistLine::name).toList()) + ")", null,
                Map.of("outstanding", outstanding.stream().map(l -> Map.of("code", l.code(), "name", l.name(),
                        "dueOn", String.valueOf(l.dueOn()))).toList()));
    }

    private boolean deliveryFirst(ApplicationStore.Row row) {
        Catalogue catalogue = catalogues.current();
        return !row.matters().isEmpty() && row.matters().stream().allMatch(code -> catalogue.matter(code)
                .map(Matter::timeLimit).map(t -> t != null && t.deliveryBeforeSupply()).orElse(false));
    }
}
