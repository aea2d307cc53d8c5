package org.onewindow.casework;

import java.time.OffsetDateTime;

/** What happened to an application: who, when, what. Never updated, never deleted. */
public record TimelineEntry(OffsetDateTime at, String actor, String kind, String detail) {

    /** The moment as local date and minute in the given zone, for pages and documents. */
    public String local(String zone) {
        return at.atZoneSameInstant(java.time.ZoneId.of(zone))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }
}
