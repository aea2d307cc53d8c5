package org.onewindow.policy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A rule-set version of the policy console: a draft (files editable, no content hash yet) or a
 * published version (its files are those of rule-set {@code version}, in force from
 * {@code effectiveFrom}: scheduled before that day, active while it is the latest in force,
 * superseded after).
 */
public record Release(long id, String status, String version, Long basedOn, Long rolledBackFrom,
        LocalDate effectiveFrom, String author, String lastEditor, String publishedBy, OffsetDateTime publishedAt,
        String comment, OffsetDateTime createdAt) {

    public static final String DRAFT = "draft";
    public static final String SCHEDULED = "scheduled";
    public static final String ACTIVE = "active";
    public static final String SUPERSEDED = "superseded";

    public boolean draft() {
        return DRAFT.equals(status);
    }

    Release withStatus(String s) {
        return new Release(id, s, version, basedOn, rolledBackFrom, effectiveFrom, author, lastEditor, publishedBy,
                publishedAt, comment, createdAt);
    }
}
