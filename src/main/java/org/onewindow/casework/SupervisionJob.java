package org.onewindow.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * 电子监察 that acts: every few minutes ({@code onewindow.supervision.every}) each running
 * application is judged against its time limit on the district clock's today. A change of card
 * (yellow: the warning period; red: past the limit) is written once, with a timeline entry; a red
 * card escalates the case to the supervisors (督办, acknowledged with a comment); an overdue
 * tolerated material suspends processing (a real status change, resumed when supplied).
 *
 * <p>Safe on several nodes: each application is handled in its own short transaction that takes
 * its row with {@code SELECT … FOR UPDATE SKIP LOCKED}. Two nodes sweeping at once never handle
 * the same application at the same moment (the second skips it), the card stored on the row makes
 * a repeated sweep a no-op (each change is recorded once), and the escalation is unique per
 * application and level. A row a clerk is changing right now is skipped, not waited for: the next
 * sweep catches it. No lock is held across the sweep, so a node that dies mid-sweep blocks nobody.
 */
@ApplicationScoped
public class SupervisionJob {

    private static final Logger LOG = Logger.getLogger(SupervisionJob.class);
    static final String ACTOR = "电子监察";

    /** What one sweep did. */
    public record Sweep(int looked, int cards, int escalated, int suspended, int skipped) {
    }

    @Inject
    ApplicationStore store;

    @Inject
    ApplicationViews views;

    @Inject
    Changes changes;

    @Inject
    DeskCalendar calendar;

    @Scheduled(identity = "supervision", every = "${onewindow.supervision.every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Sweep sweep = sweep();
        if (sweep.cards() + sweep.suspended() > 0) {
            LOG.infof("supervision: %s", sweep);
        }
    }

    /** One sweep over every running application (what the scheduler runs; tests call it with a moved clock). */
    public Sweep sweep() {
        int cards = 0;
        int escalated = 0;
        int suspended = 0;
        int skipped = 0;
        List<Long> ids = store.running();
        for (long id : ids) {
            int[] done = QuarkusTransaction.requiringNew().call(() -> one(id));
            if (done == null) {
                skipped++;
                continue;
            }
            cards += done[0];
            escalated += done[1];
            suspended += done[2];
        }
        return new Sweep(ids.size(), cards, escalated, suspended, skipped);
    }

    /** {cards written, escalations raised, suspensions}, or null when someone else holds the row. */
    private int[] one(long id) {
        Optional<ApplicationStore.Row> locked = store.lockIfFree(id);
        if (locked.isEmpty()) {
            return null;
        }
        ApplicationStore.Row row = locked.get();
        if (!row.status().running()) {
            return new int[] {0, 0, 0};
        }
        List<ChecklistLine> lines = store.materials(id);
        Supervision s = views.supervision(row, lines);
        LocalDate today = calendar.today();
        int cards = 0;
        int escalated = 0;
        int suspended = 0;
        ApplicationStatus status = row.status();
        if (s.suspended() && status != ApplicationStatus.SUSPENDED) {
            status = ApplicationStatus.SUSPENDED;
            changes.event(id, ACTOR, "suspended", "overdue=" + String.join(",", s.overdueMaterials()),
                    Changes.data("materials", s.overdueMaterials()));
            suspended++;
        }
        if (!s.level().equals(row.card()) && !"none".equals(s.level())) {
            if (!"green".equals(s.level())) {
                changes.event(id, ACTOR, "card-" + s.level(), "due=" + row.dueOn() + " left=" + s.workingDaysLeft(),
                        Changes.data("dueOn", row.dueOn(), "left", s.workingDaysLeft()));
                cards++;
            }
            if ("red".equals(s.level())) {
                escalated += store.exec("INSERT INTO escalation (application_id, raised_on, level) VALUES (?, ?, 'red') "
                        + "ON CONFLICT (application_id, level) DO NOTHING", id, today);
                if (escalated > 0) {
                    changes.event(id, ACTOR, "escalated", "to=supervisors", Changes.data("level", "red"));
                }
            }
            store.card(id, s.level());
        }
        if (status != row.status()) {
            changes.status(id, status); // a card alone is no state change: the desk's version stays
        }
        return new int[] {cards, escalated, suspended};
    }
}
