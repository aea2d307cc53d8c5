package org.onewindow.casework;

import java.time.LocalDate;

/**
 * One required material of an application: what the decision asked for and how it was checked
 * in. {@code dueOn} is set for a tolerated item: the day it must be supplied by; {@code suppliedOn}
 * the day it was.
 */
public record ChecklistLine(String code, String name, boolean key, boolean tolerable, Integer deadlineDays,
        MaterialState state, String form, LocalDate dueOn, String updatedBy, LocalDate suppliedOn) {

    /** A tolerated item not yet supplied. */
    public boolean outstanding() {
        return state == MaterialState.TOLERATED;
    }
}
