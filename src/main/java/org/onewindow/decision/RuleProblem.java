package org.onewindow.decision;

/**
 * Why a rule file did not compile: the file (relative to the rules folder), the 1-based line
 * (0 when the engine could not tell) and the engine's reason.
 */
public record RuleProblem(String file, int line, String reason) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
