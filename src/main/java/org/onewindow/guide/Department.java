package org.onewindow.guide;

/**
 * An implementing department (实施主体) stationed in, or served through, the centre.
 *
 * @param catalogueName the department's name in the district's matter catalogue
 * @param kind          {@code approval-bureau} for a 行政审批局 that accepts and decides matters of
 *                      functional bureaus (相对集中行政许可权); otherwise absent
 */
public record Department(String code, String name, String shortName, String nameEn, String phone,
        String catalogueName, String kind) implements java.io.Serializable {

    public static final String APPROVAL_BUREAU = "approval-bureau";

    public boolean approvalBureau() {
        return APPROVAL_BUREAU.equals(kind);
    }
}
