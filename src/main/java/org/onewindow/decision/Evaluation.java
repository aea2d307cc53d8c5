package org.onewindow.decision;

import java.util.List;

/**
 * The result of evaluating one decision: its value (null when no row matched), the rows that
 * fired, and evaluation errors reported by the engine (empty when all went well).
 */
public record Evaluation(Object result, List<FiredRow> fired, List<String> errors) {

    public boolean matched() {
        return result != null;
    }
}
