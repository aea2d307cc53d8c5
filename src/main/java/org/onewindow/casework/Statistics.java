package org.onewindow.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * The reform's own figures over the applications started from {@code from} to {@code to} (district
 * days, inclusive), in total and by window, lead department and matter. Definitions in
 * docs/api.md: one-visit = accepted on the day it was started and never sent back for a department
 * supplement, out of all applications the desk decided (accepted or returned).
 */
public record Statistics(LocalDate from, LocalDate to, Figures total, List<Group> byWindow, List<Group> byDepartment,
        List<Group> byMatter, List<ReturnReason> returnReasons) {

    /** The figures of one group. */
    public record Figures(int received, int accepted, int acceptedWithTolerance, int returned, int delivered,
            int deliveredInTime, int toleratedSuppliedOnTime, int toleratedSuppliedLate, int toleratedOverdue,
            int oneVisit, Double oneVisitRate, Double meanWorkingDaysToDelivery) {

        /** The one-visit rate as pages show it ("66.7%"), or a dash when nothing was decided. */
        public String oneVisitPercent() {
            return oneVisitRate == null ? "—" : Math.round(oneVisitRate * 1000) / 10.0 + "%";
        }
    }

    /** A window, department or matter with its figures. */
    public record Group(String code, String name, Figures figures) {
    }

    /** A material found missing when applications were handed back, and how often. */
    public record ReturnReason(String code, String name, int count) {
    }
}
