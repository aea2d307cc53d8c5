package org.onewindow.decision;

import java.time.LocalDate;

/**
 * {@code rules/ruleset.yaml}: the rule set's name and the date from which it applies. The date is
 * part of every decision's provenance (a decision made under rules not yet in force is wrong).
 */
public record RuleSetManifest(String name, LocalDate effectiveFrom, String description) {
}
