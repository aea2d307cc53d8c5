package org.onewindow.decision;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One rule (row) of a decision table, as written: its entries and annotations. {@code questions}
 * are the answers the row reads ({@code Answers.x}), which is how the interview knows which
 * question can still change a decision.
 */
public record TableRow(int index, String id, List<String> inputEntries, List<String> outputEntries,
        Map<String, String> annotations, Set<String> questions) {

    public String annotation(String name) {
        return annotations.get(name);
    }
}
