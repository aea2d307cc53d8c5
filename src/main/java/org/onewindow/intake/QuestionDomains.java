package org.onewindow.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onewindow.decision.DecisionTableInfo;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.TableRow;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Question;

/**
 * The values worth trying for each question when asking "could this answer still change the
 * outcome?": both booleans, every option of a choice, and for a number the thresholds the rules
 * compare it with (and one either side). Dates are not enumerated (a row reading one stays live).
 * Built once per knowledge base and rule set.
 */
public final class QuestionDomains {

    private static final Pattern COMPARISON = Pattern.compile(
            "Answers\\.([A-Za-z_][A-Za-z0-9_]*)\\s*(?:<=|>=|<|>|=|!=)\\s*(-?\\d+(?:\\.\\d+)?)");
    /** A number in a question column's entry: {@code >= 16}, {@code [16..60)}. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\"])-?\\d+(?:\\.\\d+)?(?![\\w\"])");

    private final Map<String, List<Object>> domains = new HashMap<>();

    public QuestionDomains(Catalogue catalogue, RuleSet rules) {
        Map<String, TreeSet<BigDecimal>> thresholds = new HashMap<>();
        for (DecisionTableInfo table : rules.tables()) {
            for (TableRow row : table.rows()) {
                for (int c = 0; c < row.inputEntries().size(); c++) {
                    String entry = row.inputEntries().get(c);
                    String column = c < table.inputQuestions().size() ? table.inputQuestions().get(c) : null;
                    if (column != null) {
                        Matcher n = NUMBER.matcher(entry);
                        while (n.find()) {
                            thresholds.computeIfAbsent(column, k -> new TreeSet<>()).add(new BigDecimal(n.group()));
                        }
                    }
                    Matcher m = COMPARISON.matcher(entry);
                    while (m.find()) {
                        thresholds.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(new BigDecimal(m.group(2)));
                    }
                }
            }
        }
        for (Question q : catalogue.questions()) {
            domains.put(q.id(), switch (q.type()) {
                case BOOLEAN -> List.of(Boolean.TRUE, Boolean.FALSE);
                case CHOICE -> q.options().stream().<Object>map(o -> o.value()).toList();
                case NUMBER -> numbers(thresholds.getOrDefault(q.id(), new TreeSet<>()));
                case DATE -> List.of();
            });
        }
    }

    private static List<Object> numbers(TreeSet<BigDecimal> thresholds) {
        TreeSet<BigDecimal> values = new TreeSet<>();
        for (BigDecimal t : thresholds) {
            values.add(t.subtract(BigDecimal.ONE).max(BigDecimal.ZERO));
            values.add(t);
            values.add(t.add(BigDecimal.ONE));
        }
        return new ArrayList<>(values);
    }

    /** The values to try for a question; empty when they cannot be enumerated. */
    public List<Object> of(String questionId) {
        return domains.getOrDefault(questionId, List.of());
    }
}
