package org.onewindow.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the simple unary tests policy staff write for codes — {@code -}, {@code "a"},
 * {@code "a", "b"}, {@code not("a", "b")} — without the engine, to find the rows that concern a
 * given matter or material. Anything more elaborate counts as "may match" (never hides a row).
 */
public final class LiteralTests {

    private LiteralTests() {
    }

    public static boolean mayMatch(String entry, String value) {
        String text = entry == null ? "-" : entry.trim();
        if (text.isEmpty() || text.equals("-")) {
            return true;
        }
        boolean negated = text.startsWith("not(") && text.endsWith(")");
        List<String> literals = literals(negated ? text.substring(4, text.length() - 1) : text);
        if (literals == null) {
            return true;
        }
        return negated != literals.contains(value);
    }

    /** Rows whose entries in the given columns (0-based) may match the given values. */
    public static List<TableRow> candidateRows(DecisionTableInfo table, Map<Integer, String> columnValues) {
        List<TableRow> rows = new ArrayList<>();
        for (TableRow row : table.rows()) {
            boolean candidate = columnValues.entrySet().stream()
                    .allMatch(e -> e.getKey() < row.inputEntries().size()
                            && mayMatch(row.inputEntries().get(e.getKey()), e.getValue()));
            if (candidate) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The codes an entry names positively — {@code "a"} or {@code "a", "b"} — and nothing for
     * {@code -}, {@code not(…)} or an expression.
     */
    public static List<String> namedCodes(String entry) {
        String text = entry == null ? "" : entry.trim();
        if (text.isEmpty() || text.equals("-") || text.startsWith("not(")) {
            return List.of();
        }
        List<String> codes = literals(text);
        return codes == null ? List.of() : codes;
    }

    /** The string literals of a comma-separated list, or null if it is anything else. */
    static List<String> literals(String text) {
        List<String> values = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.length() < 2 || !p.startsWith("\"") || !p.endsWith("\"")) {
                return null;
            }
            values.add(p.substring(1, p.length() - 1));
        }
        return values;
    }
}
