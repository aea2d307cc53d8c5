package org.onewindow.decision;

/**
 * Why a rule file did not compile or pass a check: the file (relative to the rules folder), the
 * 1-based line (0 when the engine could not tell), the row ({@code model#ruleId}, or a DRL rule)
 * when the problem concerns one, and the reason.
 */
public record RuleProblem(String file, int line, String reason, String rule) {

    public RuleProblem(String file, int line, String reason) {
        this(file, line, reason, null);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (rule != null ? " [" + rule + "]" : "") + ": " + reason;
    }
}
