package org.onewindow.intake;

/** The window the applicant goes to, and why. */
public record WindowChoice(String code, String name, String nameEn, String counter, String reason,
        String reasonEn) {
}
