package org.onewindow.intake;

import java.time.LocalDate;

/** The rule-set version that made a decision, carried by every outcome. */
public record RuleSetRef(String version, String name, LocalDate effectiveFrom) {
}
