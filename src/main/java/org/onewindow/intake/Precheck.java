package org.onewindow.intake;

import java.util.List;

/**
 * The completeness of an application given the materials at hand: {@code outcome} is
 * complete, tolerable (only tolerable materials missing: accepted under a commitment) or
 * incomplete; {@code missing} lists every required material not at hand, {@code tolerable} those of
 * them that may come later, {@code mustBring} those that may not.
 */
public record Precheck(String outcome, List<MaterialItem> missing, List<ToleranceItem> tolerable,
        List<MaterialItem> mustBring, String reason, String reasonEn) {
}
