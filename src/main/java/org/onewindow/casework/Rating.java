package org.onewindow.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * 好差评: an applicant's rating of a delivered application, linked to its window, clerk and rule-set
 * version. A bad rating (1 or 2) opens a follow-up due within 15 working days.
 */
public record Rating(long id, long applicationId, String number, int score, String comment, String channel,
        String window, String clerk, String ruleSetVersion, LocalDate ratedOn, LocalDate followUpDue,
        String followUpClosedBy, OffsetDateTime followUpClosedAt, String followUpComment) {

    public static final int BAD_AT_MOST = 2;
    public static final int FOLLOW_UP_WORKING_DAYS = 15;

    public boolean followUpOpen() {
        return followUpDue != null && followUpClosedBy == null;
    }
}
