package org.onewindow.decision;

import java.util.List;

/**
 * A check a freshly compiled rule set must pass before it is published, contributed by the
 * services that depend on it (e.g. intake needs its window-routing model). A rule set that
 * compiles but would break intake is refused like one that does not compile.
 */
public interface RuleSetCheck {

    List<RuleProblem> check(RuleSet candidate);
}
