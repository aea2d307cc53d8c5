package org.onewindow.casework;

import java.time.LocalDate;

/**
 * One required material of an application: what the decision asked for and how it was checked
 * in. {@code dueOn} is set for a tolerated item: the day it must be supplied by.
 */
public record ChecklistLine(String code, String name, boolean key, boolean tolerable, Integer deadlineDays,
        MaterialState state, String form, LocalDate dueOn, String updatedBy) {
}
