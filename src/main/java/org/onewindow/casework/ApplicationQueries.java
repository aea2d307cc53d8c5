package org.onewindow.casework;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.intake.Outcome;

/**
 * Reading applications, with privacy by department: a department's reviewer reads only the
 * applications dispatched to their department (403 otherwise); lists show ID numbers masked.
 */
@ApplicationScoped
public class ApplicationQueries {

    @Inject
    ApplicationStore store;

    @Inject
    ApplicationViews views;

    /** One application, whole (the only place the full ID number is shown). */
    public Application get(long id, Actor actor) {
        ApplicationStore.Row row = store.find(id).orElseThrow(() -> CaseworkException.notFound("no application " + id));
        requireAccess(row, actor);
        return views.full(row);
    }

    public Optional<Application> byNumber(String number, Actor actor) {
        Optional<Long> id = store.idForNumber(number.strip().toUpperCase(Locale.ROOT));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ApplicationStore.Row row = store.find(id.get()).orElseThrow();
        if (!allowed(row, actor)) {
            return Optional.empty();
        }
        return Optional.of(views.full(row));
    }

    /** The queue: newest first, by status and a search text (number, applicant ID or name, kiosk reference). */
    public List<Application> queue(List<ApplicationStatus> statuses, String text, int limit, Actor actor) {
        String department = actor.departmentOnly() ? (actor.department() == null ? "\u0000" : actor.department()) : null;
        return views.listed(store.list(statuses, text, limit, department));
    }

    /** Applications with an override waiting for a supervisor. */
    public List<Application> awaitingSupervisor() {
        List<Long> ids = store.awaitingSupervisor();
        return ids.stream().map(id -> views.full(store.find(id).orElseThrow()).listed()).toList();
    }

    /** The decision snapshot an application was taken on. */
    public Outcome outcome(long id, Actor actor) {
        ApplicationStore.Row row = store.find(id).orElseThrow(() -> CaseworkException.notFound("no application " + id));
        requireAccess(row, actor);
        return views.outcome(row);
    }

    private void requireAccess(ApplicationStore.Row row, Actor actor) {
        if (!allowed(row, actor)) {
            throw CaseworkException.forbidden("application " + row.number() + " has no task for department "
                    + actor.department() + ": a reviewer reads only their department's applications");
        }
    }

    private boolean allowed(ApplicationStore.Row row, Actor actor) {
        return !actor.departmentOnly() || actor.department() != null
                && store.tasks(row.id()).stream().anyMatch(t -> t.department().equals(actor.department()));
    }
}
