package org.onewindow.intake;

/** A matter decided in this intake, with what the applicant should know about it. */
public record MatterSummary(String code, String name, String nameEn, String window, String department,
        int promisedDays, int statutoryDays, String fee, String result) {
}
