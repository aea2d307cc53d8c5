package org.onewindow.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.onewindow.intake.CreditStanding;

/**
 * An application (办件) as the desk and the API see it: who applies for what, the decision it was
 * taken on, the checklist, the departments' tasks, overrides, the timeline and its standing against
 * the deadline. {@code version} changes with every state change (optimistic locking).
 */
public record Application(long id, String number, ApplicationStatus status, int version, ApplicantInfo applicant,
        List<String> matters, List<String> matterNames, String event, String window, String windowName,
        String leadDepartment, String kioskReference, String ruleSetVersion, Long decisionId, int promisedDays,
        String result, String createdBy, OffsetDateTime createdAt, LocalDate acceptedOn, LocalDate dueOn,
        String acceptance, LocalDate deliveredOn, List<ChecklistLine> checklist, List<DepartmentTask> tasks,
        List<Override> overrides, List<TimelineEntry> timeline, Supervision supervision) {

    /** The applicant: person (ID number) or enterprise (unified social credit code), and the registry's word. */
    public record ApplicantInfo(String type, String id, String name, String creditStatus, CreditStanding credit) {

        /** The ID as lists show it: {@code 3201**********1234}. The whole number is on the detail page only. */
        public ApplicantInfo masked() {
            return new ApplicantInfo(type, mask(id), name, creditStatus, credit);
        }

        static String mask(String id) {
            if (id == null || id.length() <= 8) {
                return id;
            }
            return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
        }
    }

    /** The earliest day a tolerated item must be supplied by, if any is outstanding. */
    public LocalDate toleranceDue() {
        return checklist.stream().filter(l -> l.state() == MaterialState.TOLERATED && l.dueOn() != null)
                .map(ChecklistLine::dueOn).min(LocalDate::compareTo).orElse(null);
    }

    /** The override waiting for a supervisor, if any. */
    public Override pendingOverride() {
        return overrides.stream().filter(Override::pending).findFirst().orElse(null);
    }

    /** The same application as a list shows it: the applicant's ID masked, no timeline. */
    public Application listed() {
        return new Application(id, number, status, version, applicant.masked(), matters, matterNames, event, window,
                windowName, leadDepartment, kioskReference, ruleSetVersion, decisionId, promisedDays, result, createdBy,
                createdAt, acceptedOn, dueOn, acceptance, deliveredOn, checklist, tasks, overrides, List.of(),
                supervision);
    }
}
