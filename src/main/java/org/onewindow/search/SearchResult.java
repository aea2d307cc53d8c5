package org.onewindow.search;

import java.util.List;

/**
 * Hits, their total, and a "did you mean" when the words of the query matched nothing and the
 * results come from pinyin (a homophone or typo).
 */
public record SearchResult(long total, List<SearchHit> hits, String suggestion) {
}
