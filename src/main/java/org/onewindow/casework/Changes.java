package org.onewindow.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The skeleton of every state change, run inside the caller's transaction: lock the application
 * row, refuse a stale version, then the caller changes state, appends to the timeline and bumps the
 * version — so two clerks can never both accept, and nothing half-done is ever stored.
 */
@ApplicationScoped
class Changes {

    /** The locked row and its checklist, as the change sees them. */
    record Locked(ApplicationStore.Row row, List<ChecklistLine> lines) {

        long id() {
            return row.id();
        }
    }

    @Inject
    ApplicationStore store;

    @Inject
    ApplicationViews views;

    @Inject
    DeskCalendar calendar;

    /** Locks the application; decisions must say which version they were taken on. */
    Locked lock(long id, Integer version, boolean versionRequired) {
        if (version == null && versionRequired) {
            throw new org.onewindow.intake.InvalidInputException("version",
                    "give the version you are changing (from the last read)");
        }
        ApplicationStore.Row row = store.lock(id).orElseThrow(() -> CaseworkException.notFound("no application " + id));
        if (version != null && row.version() != version) {
            throw CaseworkException.stale(id, version, row.version());
        }
        return new Locked(row, store.materials(id));
    }

    /** Re-reads a locked application (after a change within the same transaction). */
    Locked reread(long id) {
        return new Locked(store.find(id).orElseThrow(), store.materials(id));
    }

    /** A new status (or the same), and a new version. */
    void status(long id, ApplicationStatus status) {
        store.update(id, status, null, null, null, calendar.now());
    }

    /** Appends to the timeline: {@code detail} as codes, {@code data} the parameters shown in words. */
    void event(long id, String actor, String kind, String detail, Map<String, ?> data) {
        store.event(id, actor, kind, detail, data == null || data.isEmpty() ? null : views.write(data), calendar.now());
    }

    Application view(long id) {
        return views.full(store.find(id).orElseThrow(() -> CaseworkException.notFound("no application " + id)));
    }

    static void requireStatus(ApplicationStore.Row row, ApplicationStatus required, String target) {
        if (row.status() != required) {
            throw CaseworkException.state("application " + row.number() + " is " + row.status().code()
                    + ": it cannot become " + target + " (only from " + required.code() + ")");
        }
    }

    /** Timeline parameters, in order, skipping nulls. */
    static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
        return map;
    }
}
