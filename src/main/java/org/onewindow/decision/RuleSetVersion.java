package org.onewindow.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Identity of a compiled rule set: {@code version} is the first 12 hex digits of the SHA-256 of
 * every rule file (name and content), so the same files always give the same version. {@code id} is
 * the policy console's version number once the files are published as a version (null before), and
 * {@code effectiveFrom} then the day it was published for, which may differ from the manifest's.
 */
public record RuleSetVersion(String version, String name, LocalDate effectiveFrom, Instant compiledAt,
        List<String> files, Long id) {

    /** The same files published as console version {@code id}, in force from {@code from}. */
    public RuleSetVersion served(long id, LocalDate from) {
        return new RuleSetVersion(version, name, from, compiledAt, files, id);
    }
}
