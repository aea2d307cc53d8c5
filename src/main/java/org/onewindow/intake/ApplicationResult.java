package org.onewindow.intake;

/**
 * What the department-decisions table made of the departments' decisions on an application:
 * {@code approved}, {@code rejected} or {@code pending}, with the row that said so.
 */
public record ApplicationResult(String result, String rule, String reason, String reasonEn, String basis) {

    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String PENDING = "pending";
}
