package org.onewindow.search;

import java.util.List;

/**
 * One searchable thing — a matter or a life event — flattened to what the index needs. Built from
 * the knowledge base by {@link SearchEntries}; the synthetic benchmark generator builds them too.
 */
public record SearchEntry(String kind, String code, String name, String nameEn, List<String> aliases,
        String department, String departmentName, String window, String body, List<String> aliasesEn, String bodyEn,
        String departmentNameEn) {

    /** A Chinese-only entry (the synthetic benchmark's). */
    public SearchEntry(String kind, String code, String name, String nameEn, List<String> aliases, String department,
            String departmentName, String window, String body) {
        this(kind, code, name, nameEn, aliases, department, departmentName, window, body, List.of(), "", null);
    }

    public static final String MATTER = "matter";
    public static final String EVENT = "event";
}
