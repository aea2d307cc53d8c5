package org.onewindow.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** 督办: a case escalated to the supervisors by the supervision job, until one acknowledges it. */
public record Escalation(long id, long applicationId, String number, String level, LocalDate raisedOn,
        LocalDate dueOn, String acknowledgedBy, OffsetDateTime acknowledgedAt, String comment) {

    public boolean open() {
        return acknowledgedBy == null;
    }
}
