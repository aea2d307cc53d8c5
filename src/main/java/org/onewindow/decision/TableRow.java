package org.onewindow.decision;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One rule (row) of a decision table, as written: its DMN rule id, entries and annotations.
 * {@code questions} are the answers the row reads — through a question column whose entry is not
 * {@code -}, or {@code Answers.x} inside an entry — which is how the interview knows which
 * question can still change a decision.
 */
public record TableRow(int index, String id, List<String> inputEntries, List<String> outputEntries,
        Map<String, String> annotations, Set<String> questions) {

    public String annotation(String name) {
        return annotations.get(name);
    }

    /** Whether the entry in an output column is the literal {@code true} (a material table's "needed"). */
    public boolean outputIsTrue(int column) {
        return column >= 0 && column < outputEntries.size() && "true".equals(outputEntries.get(column));
    }
}
