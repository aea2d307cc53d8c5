package org.onewindow.intake;

import java.time.LocalDate;

/**
 * The rule-set version that made a decision, carried by every outcome: its content hash, name and
 * effective day, and the policy console's version number ({@code id}; null for rules never published
 * through the console, and in decisions recorded before it).
 */
public record RuleSetRef(String version, String name, LocalDate effectiveFrom, Long id) {
}
