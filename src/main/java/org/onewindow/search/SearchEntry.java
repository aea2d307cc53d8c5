package org.onewindow.search;

import java.util.List;

/**
 * One searchable thing — a matter or a life event — flattened to what the index needs. Built from
 * the knowledge base by {@link SearchEntries}; the synthetic benchmark generator builds them too.
 *
 * @param weight multiplies the relevance score: 1 for guides and life events, less for a catalogue
 *               entry without a guide, so that a citizen's words find the matter they can act on
 *               first when both match about equally
 */
public record SearchEntry(String kind, String code, String name, String nameEn, List<String> aliases,
        String department, String departmentName, String window, String body, float weight, List<String> aliasesEn,
        String bodyEn, String departmentNameEn) {

    /** A Chinese-only entry of full weight (the synthetic benchmark's). */
    public SearchEntry(String kind, String code, String name, String nameEn, List<String> aliases, String department,
            String departmentName, String window, String body) {
        this(kind, code, name, nameEn, aliases, department, departmentName, window, body, 1f, List.of(), "", null);
    }

    public static final String MATTER = "matter";
    public static final String EVENT = "event";

    /** The weight of a catalogue entry that has no checked guide. */
    public static final float CATALOGUE_ONLY = 0.6f;
}
