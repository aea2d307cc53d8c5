package org.onewindow.intake;

import java.util.List;

import org.onewindow.decision.CompletenessVerdict;

/**
 * The completeness of an application given the materials at hand: the completeness rules'
 * {@code verdict}; {@code missing} lists every required material not at hand, {@code tolerable}
 * those of them that may come later, {@code mustBring} those that may not.
 */
public record Precheck(CompletenessVerdict verdict, List<MaterialItem> missing, List<ToleranceItem> tolerable,
        List<MaterialItem> mustBring, String reason, String reasonEn) {

    /** The verdict as the contract names it: {@code complete}, {@code tolerable} or {@code incomplete}. */
    public String outcome() {
        return verdict.label();
    }
}
