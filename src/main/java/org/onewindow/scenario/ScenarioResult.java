package org.onewindow.scenario;

import java.util.List;

/** The outcome of one scenario: passed, or the expectations it failed (or the error it raised). */
public record ScenarioResult(String name, String file, boolean passed, List<Failure> failures, List<String> fired) {
}
