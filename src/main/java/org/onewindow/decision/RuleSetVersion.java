package org.onewindow.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Identity of a compiled rule set: {@code version} is the first 12 hex digits of the SHA-256 of
 * every rule file (name and content), so the same files always give the same version.
 */
public record RuleSetVersion(String version, String name, LocalDate effectiveFrom, Instant compiledAt,
        List<String> files) {
}
