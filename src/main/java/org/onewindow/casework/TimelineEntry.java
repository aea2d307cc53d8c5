package org.onewindow.casework;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What happened to an application: who, when, what. Never updated, never deleted. {@code detail}
 * is the entry as codes (for scripts and audits); {@code data} its parameters as JSON (material and
 * department codes, dates), from which the desk writes the entry in words.
 */
public record TimelineEntry(OffsetDateTime at, String actor, String kind, String detail,
        @JsonIgnore String data) {

    /** The moment as local date and minute in the given zone, for pages and documents. */
    public String local(String zone) {
        return at.atZoneSameInstant(java.time.ZoneId.of(zone))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }
}
