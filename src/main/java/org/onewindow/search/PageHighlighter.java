package org.onewindow.search;

import java.io.IOException;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Marks the page's hits: the name if the question's terms occur in it, otherwise the aliases,
 * otherwise a passage of the body, otherwise the plain name. Lucene's unified highlighter does the
 * marking, re-analysing the stored text (a small in-memory index of the query's terms per hit and
 * field) — but only of the fields that can be shown: a hit whose name is marked never has its aliases
 * or its long body analysed, and the text is the one already read for the hit, not read again. What
 * each field's highlighter returns is what Lucene's batch call returns for it (same analyser, passage
 * scorer, break iterator, length limit), so the marks and passages are unchanged.
 */
final class PageHighlighter extends UnifiedHighlighter {

    static final String NAME = SearchFields.NAME + Analyzers.BIGRAMS;
    static final String ALIAS = SearchFields.ALIAS + Analyzers.BIGRAMS;
    static final String BODY = SearchFields.BODY + Analyzers.BIGRAMS;

    PageHighlighter(Builder builder) {
        super(builder);
    }

    @Override
    protected OffsetSource getOffsetSource(String field) {
        // offsets come from analysing the stored text again, not from postings (none are indexed)
        return OffsetSource.ANALYSIS;
    }

    /** The stored bigram text of one hit: name, aliases and body. */
    record Texts(String name, String aliases, String body) {
    }

    /** The highlight shown for each hit, in the order given. */
    String[] marks(Texts[] hits, Query query) throws IOException {
        String[] shown = new String[hits.length];
        Set<Term> terms = extractTerms(query);
        int left = mark(shown, hits, query, terms, NAME, false);
        if (left > 0) {
            left = mark(shown, hits, query, terms, ALIAS, false);
        }
        if (left > 0) {
            mark(shown, hits, query, terms, BODY, true);
        }
        for (int i = 0; i < hits.length; i++) {
            if (shown[i] == null) {
                shown[i] = escape(hits[i].name());
            }
        }
        return shown;
    }

    /** Marks one field of the hits not yet marked; returns how many are still unmarked. */
    private int mark(String[] shown, Texts[] hits, Query query, Set<Term> terms, String field, boolean snippet)
            throws IOException {
        FieldHighlighter highlighter = getFieldHighlighter(field, query, terms, 1);
        int left = 0;
        for (int i = 0; i < hits.length; i++) {
            if (shown[i] != null) {
                continue;
            }
            String marked = highlight(highlighter, text(hits[i], field));
            if (marked(marked)) {
                shown[i] = snippet ? snippet(marked) : marked;
            } else {
                left++;
            }
        }
        return left;
    }

    private static String text(Texts hit, String field) {
        return field.equals(NAME) ? hit.name() : field.equals(ALIAS) ? hit.aliases() : hit.body();
    }

    /** One field of one hit, as Lucene's batch call highlights it: the stored text cut at the maximum length. */
    private String highlight(FieldHighlighter highlighter, String stored) throws IOException {
        if (stored == null) {
            return null;
        }
        String content = stored.substring(0, Math.min(getMaxLength(), stored.length()));
        Object marked = highlighter.highlightFieldForDoc(null, -1, content);
        return marked == null ? null : marked.toString();
    }

    static boolean marked(String s) {
        return s != null && s.contains("<mark>");
    }

    /** About 120 characters of a body passage around its first mark, never cutting a tag. */
    static String snippet(String passage) {
        if (passage.length() <= 120) {
            return passage;
        }
        int mark = passage.indexOf("<mark>");
        int from = Math.max(0, mark - 40);
        int lt = passage.lastIndexOf('<', from);
        if (lt >= 0 && passage.indexOf('>', lt) >= from) {
            from = lt; // do not start inside a tag
        }
        int to = Math.min(passage.length(), from + 120);
        int open = passage.lastIndexOf("<mark>", to - 1);
        int close = open < 0 ? -1 : passage.indexOf("</mark>", open);
        if (open >= from && close >= 0 && close + "</mark>".length() > to) {
            to = close + "</mark>".length(); // finish the mark that is open
        }
        lt = passage.lastIndexOf('<', to - 1);
        if (lt >= from && passage.indexOf('>', lt) >= to) {
            to = lt; // do not end inside a tag
        }
        return (from > 0 ? "…" : "") + passage.substring(from, to) + (to < passage.length() ? "…" : "");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
