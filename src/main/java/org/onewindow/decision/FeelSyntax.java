package org.onewindow.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.lang.CompilerContext;
import org.kie.dmn.feel.lang.types.BuiltInType;

/**
 * Checks one cell of a decision table with the KIE FEEL engine itself, as policy staff type it:
 * an input entry is a list of unary tests ({@code "a", "b"}, {@code < 16}, {@code -}), an output
 * entry an expression ({@code true}, {@code "lead"}, {@code min([Matter.promisedDays - 2, 20])}).
 * Answers the engine's first error, or null when the cell compiles. The inputs intake passes
 * (Answers, Matter, Material, Applicant, Event, Department decisions) are known names.
 */
public final class FeelSyntax {

    /** The longest cell the console accepts (a FEEL cell is a line, not a program). */
    public static final int MAX_LENGTH = 2000;
    private static final List<String> INPUTS = List.of(Answers.INPUT, "Matter", "Material", "Applicant", "Event",
            "Department decisions");

    private FeelSyntax() {
    }

    public static String inputEntryProblem(String text) {
        return problem(text, true);
    }

    public static String outputEntryProblem(String text) {
        return problem(text, false);
    }

    private static String problem(String text, boolean unaryTests) {
        String cell = text == null ? "" : text.strip();
        if (cell.isEmpty() || (unaryTests && cell.equals("-"))) {
            return null;
        }
        if (cell.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        FEEL feel = FEEL.newInstance(FeelSyntax.class.getClassLoader(), List.of());
        List<String> errors = new ArrayList<>();
        feel.addListener(event -> {
            if (event.getSeverity() == FEELEvent.Severity.ERROR) {
                errors.add(event.getMessage());
            }
        });
        try {
            if (unaryTests) {
                Map<String, org.kie.dmn.feel.lang.Type> types = new java.util.HashMap<>();
                INPUTS.forEach(i -> types.put(i, BuiltInType.UNKNOWN));
                if (feel.evaluateUnaryTests(cell, types) == null && errors.isEmpty()) {
                    errors.add("not a list of unary tests");
                }
            } else {
                CompilerContext ctx = feel.newCompilerContext();
                INPUTS.forEach(i -> ctx.addInputVariableType(i, BuiltInType.UNKNOWN));
                if (feel.compile(cell, ctx) == null && errors.isEmpty()) {
                    errors.add("not a FEEL expression");
                }
            }
        } catch (RuntimeException e) {
            errors.add(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return errors.isEmpty() ? null : errors.get(0);
    }
}
