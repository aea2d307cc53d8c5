package org.onewindow.intake;

/**
 * The tolerance table's answer for one material: whether it may come later, the deadline in
 * working days, and the row that decided it ({@code rule}, e.g. {@code tolerance-policy#tolerance-key-material})
 * with its reason and basis.
 */
public record ToleranceRuling(boolean tolerable, Integer deadlineDays, String rule, String reason, String reasonEn,
        String basis) {
}
