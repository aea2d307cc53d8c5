package org.onewindow.decision;

/**
 * A decision-table row (or DRL rule) that fired, with the plain-language reason policy staff wrote
 * beside it. {@code row} is 1-based as shown in editors; 0 for DRL rules.
 */
public record FiredRow(String model, String decision, String tableId, int row, String ruleId, String reason,
        String reasonEn, String basis) {

    /** Reference used in explanations and coverage, e.g. {@code window-routing/Window#3}. */
    public String reference() {
        return row > 0 ? model + "/" + decision + "#" + row : model + "/" + ruleId;
    }
}
