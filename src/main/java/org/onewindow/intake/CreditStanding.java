package org.onewindow.intake;

import java.time.LocalDate;

/**
 * A registry's answer about one applicant: {@code status} (good | bad | unknown) and where it came
 * from — the registry, and for a listed subject the list, its source and the listing period.
 * {@code checkedOn} is the day the registry was asked.
 */
public record CreditStanding(String status, String registry, String list, String source, LocalDate listedFrom,
        LocalDate listedTo, LocalDate checkedOn) {

    public static final String GOOD = "good";
    public static final String BAD = "bad";
    public static final String UNKNOWN = "unknown";

    /** No registry could be consulted (an anonymous applicant, or the registry is unreachable). */
    public static CreditStanding unknown(String why, LocalDate on) {
        return new CreditStanding(UNKNOWN, why, null, null, null, null, on);
    }

    /**
     * The status that counts when the applicant also declared one: a declared bad record (信用承诺)
     * stands — it can only take tolerance away — but a declared {@code good} never overrides the
     * registry.
     */
    public CreditStanding withDeclared(String declared) {
        if (BAD.equals(declared) && !BAD.equals(status)) {
            return new CreditStanding(BAD, "declared", null, null, null, null, checkedOn);
        }
        return this;
    }
}
