package org.onewindow.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * A text analysed once: the query an analyser's QueryBuilder makes of it (field {@link #ANY}), and
 * its tokens. A search analyses the citizen's question once per analyser ({@link SearchQuestion}) and
 * the vocabulary's official terms once per index.
 */
record Analysed(String text, Query template, List<String> tokens) {

    /** The field name analysed forms are made for; each use puts the real field in (our analysers ignore it). */
    static final String ANY = "f";

    static Analysed of(Analyzer analyzer, String text) {
        Query template = new QueryBuilder(analyzer).createBooleanQuery(ANY, text, Occur.SHOULD);
        List<String> tokens = termsInOrder(template);
        return new Analysed(text, template, tokens != null ? tokens : SearchIndex.tokens(analyzer, text));
    }

    /**
     * The term texts of a QueryBuilder query in order, duplicates kept, when it is only terms (no
     * stacked tokens): then they are the analyser's tokens. Null for any other shape.
     */
    private static List<String> termsInOrder(Query template) {
        if (template == null) {
            return List.of();
        }
        if (template instanceof TermQuery t) {
            return List.of(t.getTerm().text());
        }
        if (template instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0) {
            List<String> out = new ArrayList<>(b.clauses().size());
            for (BooleanClause c : b.clauses()) {
                if (c.getOccur() != Occur.SHOULD || !(c.getQuery() instanceof TermQuery t)) {
                    return null;
                }
                out.add(t.getTerm().text());
            }
            return out;
        }
        return null;
    }
}
