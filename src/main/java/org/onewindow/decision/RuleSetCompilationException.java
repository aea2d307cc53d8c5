package org.onewindow.decision;

import java.util.List;
import java.util.stream.Collectors;

/** The rules folder did not compile into a rule set; the previous rule set keeps serving. */
public class RuleSetCompilationException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleSetCompilationException(List<RuleProblem> problems) {
        super("rule set did not compile:\n  "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
