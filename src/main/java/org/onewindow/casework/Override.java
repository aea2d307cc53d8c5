package org.onewindow.casework;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A clerk's proposal to accept an application the rules call incomplete, tolerating
 * {@code materials}; a supervisor — never the proposer — approves or rejects it.
 * {@code status}: proposed | approved | rejected.
 */
public record Override(int n, String status, List<String> materials, String reason, String note, String basis,
        String proposedBy, OffsetDateTime proposedAt, String decidedBy, OffsetDateTime decidedAt, String comment) {

    public static final String PROPOSED = "proposed";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    public boolean pending() {
        return PROPOSED.equals(status);
    }
}
