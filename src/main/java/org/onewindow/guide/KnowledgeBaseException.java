package org.onewindow.guide;

import java.util.List;
import java.util.stream.Collectors;

/** The knowledge base did not load: every problem found, not just the first. */
public class KnowledgeBaseException extends RuntimeException {

    private final List<KbProblem> problems;

    public KnowledgeBaseException(List<KbProblem> problems) {
        super("knowledge base has " + problems.size() + " problem(s):\n  "
                + problems.stream().map(KbProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<KbProblem> problems() {
        return problems;
    }
}
