package org.onewindow.scenario;

import java.util.List;

/** A run of scenarios: counts, each result, rule coverage, and problems reading the files. */
public record SuiteResult(int passed, int failed, List<ScenarioResult> results, Coverage coverage,
        List<String> fileProblems) {
}
