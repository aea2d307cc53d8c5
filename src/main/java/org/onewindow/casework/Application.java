package org.onewindow.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An application (办件) as the desk and the API see it: who applies for what, the decision it was
 * taken on, the checklist, the departments' tasks, the timeline and its standing against the
 * deadline. {@code version} changes with every state change (optimistic locking).
 */
public record Application(long id, String number, ApplicationStatus status, int version, ApplicantInfo applicant,
        List<String> matters, List<String> matterNames, String event, String window, String windowName,
        String leadDepartment, String kioskReference, String ruleSetVersion, Long decisionId, int promisedDays,
        String result, String createdBy, OffsetDateTime createdAt, LocalDate acceptedOn, LocalDate dueOn,
        List<ChecklistLine> checklist, List<DepartmentTask> tasks, List<TimelineEntry> timeline,
        Supervision supervision) {

    /** The applicant: person (ID number) or enterprise (unified social credit code). */
    public record ApplicantInfo(String type, String id, String name, String creditStatus) {
    }

    /** The earliest day a tolerated item must be supplied by, if any is outstanding. */
    public LocalDate toleranceDue() {
        return checklist.stream().filter(l -> l.state() == MaterialState.TOLERATED && l.dueOn() != null)
                .map(ChecklistLine::dueOn).min(LocalDate::compareTo).orElse(null);
    }
}
