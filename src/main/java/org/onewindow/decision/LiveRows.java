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
 * Whether a table row can still fire given the answers known so far. FEEL compares an unanswered
 * question (null) as false, which would make every row reading it look dead; instead a row is
 * live when some values of its unanswered questions — taken from each question's domain — make
 * all its situation entries true, evaluated by the FEEL engine itself. Entries are compiled once
 * per text and cached.
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
    public static boolean live(TableRow row, Map<String, Object> answers, Function<String, List<Object>> domainOf) {
        List<String> conditions = row.inputEntries().stream().filter(e -> !Answers.referencedIn(List.of(e)).isEmpty())
                .toList();
        if (conditions.isEmpty()) {
            return true;
        }
        List<String> unknown = row.questions().stream().filter(q -> !answers.containsKey(q)).toList();
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
