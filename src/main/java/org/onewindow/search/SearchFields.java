package org.onewindow.search;

/** Field names of the search index. */
final class SearchFields {

    static final String KIND = "kind";
    static final String CODE = "code";
    static final String WINDOW = "window";
    static final String DEPARTMENT = "department";
    static final String NAME = "name";
    static final String ALIAS = "alias";
    static final String BODY = "body";

    private SearchFields() {
    }
}
