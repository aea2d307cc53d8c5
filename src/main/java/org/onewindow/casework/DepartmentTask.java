package org.onewindow.casework;

import java.time.OffsetDateTime;

/** A department's part of an accepted application: lead or parallel, and its decision. */
public record DepartmentTask(String department, String departmentName, String role, String status, String reason,
        String decidedBy, OffsetDateTime decidedAt) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String SUPPLEMENT = "supplement-requested";

    public boolean decided() {
        return APPROVED.equals(status) || REJECTED.equals(status);
    }
}
