package org.onewindow.search;

import java.util.List;

/**
 * Hits, their total, and a "did you mean" when the words of the query matched nothing and the
 * results come from pinyin (a homophone or typo). {@code total} counts every match; {@code matters}
 * and {@code events} say how many of them are matters and how many life events, so a page never
 * says "215 items" of a 214-matter catalogue; {@code offset} is where {@code hits} start (paging).
 * Counting stops past the index's count limit ({@link SearchIndex#COUNT_LIMIT} by default): then {@code totalExact} is false and
 * there are more than {@code total} matches (and more than {@code matters} matters); {@code events}
 * is always exact.
 */
public record SearchResult(long total, List<SearchHit> hits, String suggestion, int offset, long matters,
        long events, boolean totalExact) {
}
