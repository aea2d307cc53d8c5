package org.onewindow.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * 电子监察: how an accepted application stands against its promised time limit and its tolerance
 * commitments. {@code level}: {@code green}, {@code yellow} (at most the warning period left),
 * {@code red} (past the limit), or {@code none} (not running: not accepted yet, or finished).
 * {@code estimated}: the deadline crosses a year with no published holiday calendar.
 * {@code suspended}: a tolerated material is overdue — processing stops until it is supplied.
 */
public record Supervision(String level, Integer workingDaysLeft, boolean estimated, List<String> overdueMaterials,
        boolean suspended) {

    /** Whether the promised time limit has passed (a negative number of working days left). */
    public boolean overdue() {
        return workingDaysLeft != null && workingDaysLeft < 0;
    }

    public int overdueDays() {
        return overdue() ? -workingDaysLeft : 0;
    }

    static final Supervision NONE = new Supervision("none", null, false, List.of(), false);

    /** Judges an application on {@code today}. */
    static Supervision of(ApplicationStatus status, LocalDate acceptedOn, LocalDate dueOn, List<ChecklistLine> checklist,
            LocalDate today, WorkingDays days, int warningDays) {
        if (!status.running() || dueOn == null) {
            return NONE;
        }
        List<String> overdue = checklist.stream()
                .filter(l -> l.state() == MaterialState.TOLERATED && l.dueOn() != null && today.isAfter(l.dueOn()))
                .map(ChecklistLine::code).toList();
        int left = days.between(today, dueOn);
        String level = today.isAfter(dueOn) ? "red" : left <= warningDays ? "yellow" : "green";
        return new Supervision(level, left, !days.covers(acceptedOn, dueOn), overdue, !overdue.isEmpty());
    }
}
