package org.onewindow.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.lang.CompiledExpression;
import org.kie.dmn.feel.lang.CompilerContext;
import org.kie.dmn.feel.lang.types.BuiltInType;

/**
 * Whether a table row can still fire given the answers known so far. An unanswered question
 * (null) matches no test but {@code -}, which would make every row reading it look dead; instead a
 * row is live when some value of each unanswered question — taken from the question's domain —
 * satisfies its entries, evaluated by the FEEL engine itself.
 * <p>
 * A question column ({@code Answers.x} as input expression, the shape policy tables use) is
 * tested on its own: each entry against the answer, or against some value of the domain. An
 * entry that reads answers itself (a FEEL condition such as {@code Answers.a = true and
 * Answers.b > 3}) is tried with every combination of its unanswered questions' values.
 */
public final class LiveRows {

    private static final FEEL FEEL_ENGINE = FEEL.newInstance(LiveRows.class.getClassLoader(), List.of());
    private static final Map<String, CompiledExpression> COMPILED = new ConcurrentHashMap<>();

    private LiveRows() {
    }

    /**
     * @param answers  the answers known so far
     * @param domainOf the values an unanswered question may take (empty: unknown, the row stays live)
     */
    public static boolean live(DecisionTableInfo table, TableRow row, Map<String, Object> answers,
            Function<String, List<Object>> domainOf) {
        List<String> conditions = new ArrayList<>();
        for (int c = 0; c < row.inputEntries().size(); c++) {
            String entry = row.inputEntries().get(c);
            if (entry.isEmpty() || entry.equals("-")) {
                continue;
            }
            String question = c < table.inputQuestions().size() ? table.inputQuestions().get(c) : null;
            if (question != null) {
                if (!columnCanMatch(entry, question, answers, domainOf)) {
                    return false;
                }
            } else if (!Answers.referencedIn(List.of(entry)).isEmpty()) {
                conditions.add(entry);
            }
        }
        return conditions.isEmpty() || conditionsCanHold(conditions, answers, domainOf);
    }

    private static boolean columnCanMatch(String entry, String question, Map<String, Object> answers,
            Function<String, List<Object>> domainOf) {
        if (answers.containsKey(question)) {
            return UnaryTests.matches(entry, answers.get(question), answers);
        }
        List<Object> domain = domainOf.apply(question);
        return domain.isEmpty() || domain.stream().anyMatch(v -> UnaryTests.matches(entry, v, answers));
    }

    private static boolean conditionsCanHold(List<String> conditions, Map<String, Object> answers,
            Function<String, List<Object>> domainOf) {
        List<String> unknown = Answers.referencedIn(conditions).stream().filter(q -> !answers.containsKey(q)).toList();
        List<List<Object>> domains = new ArrayList<>();
        for (String q : unknown) {
            List<Object> domain = domainOf.apply(q);
            if (domain.isEmpty()) {
                return true;
            }
            domains.add(domain);
        }
        return anyAssignment(conditions, new HashMap<>(answers), unknown, domains, 0);
    }

    private static boolean anyAssignment(List<String> conditions, Map<String, Object> answers, List<String> unknown,
            List<List<Object>> domains, int i) {
        if (i == unknown.size()) {
            return conditions.stream().allMatch(c -> Boolean.TRUE.equals(evaluate(c, answers)));
        }
        for (Object value : domains.get(i)) {
            answers.put(unknown.get(i), value);
            if (anyAssignment(conditions, answers, unknown, domains, i + 1)) {
                return true;
            }
        }
        answers.remove(unknown.get(i));
        return false;
    }

    private static Object evaluate(String condition, Map<String, Object> answers) {
        CompiledExpression compiled = COMPILED.computeIfAbsent(condition, text -> {
            CompilerContext ctx = FEEL_ENGINE.newCompilerContext();
            ctx.addInputVariableType(Answers.INPUT, BuiltInType.UNKNOWN);
            return FEEL_ENGINE.compile(text, ctx);
        });
        return FEEL_ENGINE.evaluate(compiled, Map.of(Answers.INPUT, answers));
    }
}
