package org.onewindow.decision.facts;

/**
 * Rule fact (input) and conclusion (output): a department working on a matter, and its role —
 * {@code lead} or {@code parallel} — with the reason the department-routing row or bundle rule gave.
 */
public class MatterDepartment {

    public static final String LEAD = "lead";
    public static final String PARALLEL = "parallel";

    private final String matter;
    private final String department;
    private final String role;
    private final String reason;
    private final String reasonEn;

    public MatterDepartment(String matter, String department, String role, String reason, String reasonEn) {
        this.matter = matter;
        this.department = department;
        this.role = role;
        this.reason = reason;
        this.reasonEn = reasonEn;
    }

    public String getMatter() {
        return matter;
    }

    public String getDepartment() {
        return department;
    }

    public String getRole() {
        return role;
    }

    public String getReason() {
        return reason;
    }

    public String getReasonEn() {
        return reasonEn;
    }
}
