package org.onewindow.decision;

import java.util.List;
import java.util.Set;

/**
 * A decision table of a compiled model, indexed once per rule set for explanations, coverage and
 * question analysis (the engine's own model classes are not meant to be walked on every request).
 */
public record DecisionTableInfo(String model, String decision, String tableId, String hitPolicy,
        List<String> inputLabels, List<String> inputExpressions, List<String> outputNames, List<TableRow> rows) {

    /** Questions read by the input expressions or by any row. */
    public Set<String> questions() {
        java.util.Set<String> all = new java.util.TreeSet<>(Answers.referencedIn(inputExpressions));
        rows.forEach(r -> all.addAll(r.questions()));
        return all;
    }

    public TableRow row(int oneBasedIndex) {
        return rows.get(oneBasedIndex - 1);
    }
}
