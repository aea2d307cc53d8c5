package org.onewindow.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of the quality gate: for each check, how many items it looked at and what is wrong.
 * {@link #text()} is the readable report printed by the build.
 */
public final class QualityReport {

    /**
     * One check: its name, what it guarantees, how many items it checked, the problems found, and
     * whether a rule set with such problems may not be published at all.
     */
    public record Check(String name, String description, boolean blocking, int checked, List<String> problems) {
    }

    private final Map<String, Check> checks = new LinkedHashMap<>();

    void add(String name, String description, boolean blocking, int checked, List<String> problems) {
        checks.put(name, new Check(name, description, blocking, checked, List.copyOf(problems)));
    }

    public List<Check> checks() {
        return List.copyOf(checks.values());
    }

    public boolean passed() {
        return checks.values().stream().allMatch(c -> c.problems().isEmpty());
    }

    public List<String> problems() {
        List<String> all = new ArrayList<>();
        checks.values().forEach(c -> c.problems().forEach(p -> all.add(c.name() + ": " + p)));
        return all;
    }

    /** Problems that make intake answer wrongly; a rule set with any is refused at publish. */
    public List<String> blockingProblems() {
        List<String> all = new ArrayList<>();
        checks.values().stream().filter(Check::blocking)
                .forEach(c -> c.problems().forEach(p -> all.add(c.name() + ": " + p)));
        return all;
    }

    public String text() {
        StringBuilder out = new StringBuilder("Knowledge-base quality gate\n");
        for (Check c : checks.values()) {
            out.append(c.problems().isEmpty() ? "  PASS " : "  FAIL ").append(c.name()).append(" — ")
                    .append(c.description()).append(" (").append(c.checked()).append(" checked");
            out.append(c.problems().isEmpty() ? ")\n" : ", " + c.problems().size() + " wrong)\n");
            c.problems().forEach(p -> out.append("         - ").append(p).append('\n'));
        }
        out.append(passed() ? "  all checks passed\n" : "  " + problems().size() + " problem(s)\n");
        return out.toString();
    }
}
