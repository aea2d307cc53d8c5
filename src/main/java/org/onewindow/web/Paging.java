package org.onewindow.web;

import org.onewindow.search.SearchResult;

/**
 * One page of search results, as the kiosk shows it: which hits are on screen (11–20), how many
 * there are in all, and the links to the pages before and after.
 */
record Paging(int from, int to, long total, String previousHref, String nextHref, int page, int pages) {

    static final int SIZE = 10;
    static final int MAX_PAGES = 100;

    static Paging of(SearchResult result, int page, String hrefPrefix) {
        int pages = (int) Math.min(MAX_PAGES, (result.total() + SIZE - 1) / SIZE);
        int from = result.hits().isEmpty() ? 0 : result.offset() + 1;
        int to = result.offset() + result.hits().size();
        return new Paging(from, to, result.total(), page > 1 ? hrefPrefix + (page - 1) : null,
                page < pages ? hrefPrefix + (page + 1) : null, page, pages);
    }
}
