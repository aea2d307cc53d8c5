package org.onewindow.decision;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.lang.EvaluationContext;
import org.kie.dmn.feel.lang.impl.FEELImpl;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.runtime.UnaryTest;

/**
 * Evaluates a decision-table input entry (a FEEL unary test such as {@code < 18},
 * {@code "a", "b"} or {@code Answers.agent = true}) against an input value, with the FEEL engine
 * itself — for static checks that must agree with what the engine does at run time.
 */
public final class UnaryTests {

    private static final FEELImpl FEEL_ENGINE = (FEELImpl) FEEL.newInstance(UnaryTests.class.getClassLoader(), List.of());
    private static final Map<String, List<UnaryTest>> COMPILED = new ConcurrentHashMap<>();

    private UnaryTests() {
    }

    /** Whether {@code entry} accepts {@code input} when the applicant's answers are {@code answers}. */
    public static boolean matches(String entry, Object input, Map<String, Object> answers) {
        String text = entry == null ? "-" : entry.trim();
        if (text.isEmpty() || text.equals("-")) {
            return true;
        }
        List<UnaryTest> tests = COMPILED.computeIfAbsent(text,
                t -> FEEL_ENGINE.evaluateUnaryTests(t, Map.of(Answers.INPUT, BuiltInType.UNKNOWN)));
        EvaluationContext ctx = FEEL_ENGINE.newEvaluationContext(List.of(), Map.of(Answers.INPUT, answers));
        // a list of unary tests matches when any of them does (DMN 1.3 §8.3.3)
        return tests.stream().anyMatch(t -> Boolean.TRUE.equals(t.apply(ctx, input)));
    }
}
