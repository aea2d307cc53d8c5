package org.onewindow.decision;

import java.util.List;

/**
 * The result of evaluating one decision: its value (null when no row matched), the rows that
 * fired, and evaluation errors reported by the engine (empty when all went well).
 */
public record Evaluation(String model, String decision, Object result, List<FiredRow> fired, List<String> errors) {

    public boolean matched() {
        return result != null;
    }

    /**
     * This evaluation, or — when the engine reported an error — a {@link RuleEvaluationException}
     * naming the model, the decision and the element: an error must never pass for "no row
     * matched", which would read as a pending question or a material not needed.
     */
    public Evaluation orFail() {
        if (!errors.isEmpty()) {
            throw new RuleEvaluationException(model, decision, errors);
        }
        return this;
    }
}
