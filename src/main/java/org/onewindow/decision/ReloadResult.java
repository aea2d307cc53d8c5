package org.onewindow.decision;

import java.util.List;

/**
 * Outcome of a reload: either the new version now serves, or the problems and the version that
 * keeps serving (null when there has never been a good rule set).
 */
public record ReloadResult(boolean published, RuleSetVersion serving, List<RuleProblem> problems) {
}
