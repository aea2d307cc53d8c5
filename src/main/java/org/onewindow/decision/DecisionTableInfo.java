package org.onewindow.decision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A decision table of a compiled model, indexed once per rule set for explanations, coverage and
 * question analysis (the engine's own model classes are not meant to be walked on every request).
 *
 * @param inputQuestions for each input column, the question it reads when its expression is
 *                       exactly {@code Answers.<id>} (a typed question column), else null
 * @param inputLabels    column headers as policy staff wrote them (Chinese)
 * @param outputNames    output column names (for material tables: the material codes)
 */
public record DecisionTableInfo(String model, String decision, String tableId, String hitPolicy,
        List<String> inputLabels, List<String> inputExpressions, List<String> inputQuestions,
        List<String> outputNames, List<String> outputLabels, List<TableRow> rows, Map<String, TableRow> rowsById) {

    /** Questions read by the input expressions or by any row. */
    public Set<String> questions() {
        Set<String> all = new TreeSet<>(Answers.referencedIn(inputExpressions));
        rows.forEach(r -> all.addAll(r.questions()));
        return all;
    }

    public TableRow row(int oneBasedIndex) {
        return rows.get(oneBasedIndex - 1);
    }

    public Optional<TableRow> rule(String ruleId) {
        return Optional.ofNullable(rowsById.get(ruleId));
    }

    /** The column of an output, or -1. */
    public int output(String name) {
        return outputNames.indexOf(name);
    }

    /** Reference of a row ({@code model#ruleId}), as fired rows and coverage name it. */
    public String reference(TableRow row) {
        return model + "#" + row.id();
    }
}
