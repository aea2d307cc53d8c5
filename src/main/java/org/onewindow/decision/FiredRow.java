package org.onewindow.decision;

/**
 * A decision-table row (or DRL rule) that fired, with the plain-language reason policy staff wrote
 * beside it. A row is named by its DMN rule id, which survives edits that move it; {@code row} is
 * its 1-based position at the time, as editors show it (0 for DRL rules).
 */
public record FiredRow(String model, String decision, String tableId, int row, String ruleId, String reason,
        String reasonEn, String basis) {

    /**
     * Reference used in explanations, decision records and coverage: {@code model#ruleId} for a
     * table row ({@code tolerance-policy#tolerance-bad-credit}), {@code Unit#rule} for a DRL rule.
     */
    public String reference() {
        return model + "#" + ruleId;
    }
}
