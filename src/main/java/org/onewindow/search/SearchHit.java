package org.onewindow.search;

/** One search result: a matter or a life event, with a highlighted snippet. */
public record SearchHit(String kind, String code, String name, String nameEn, String department,
        String departmentName, String window, float score, String highlight, String departmentNameEn) {
}
