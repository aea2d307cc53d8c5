package org.onewindow.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * One flat disjunction of boosted term queries. The analysers' queries (a SHOULD disjunction of
 * terms per field and form) are lifted into it with their boosts multiplied through, and a term
 * that several of them produce gets one clause with the sum of their boosts. BM25 is linear in
 * the boost, so every score is the one the nested form gave; but a flat disjunction is what
 * Lucene's MaxScore scorer handles best: it knows each term's maximum score and leaves the
 * common, low-scoring terms out of the documents that cannot compete. A term no entry contains
 * gets no clause (it could match nothing and add nothing to any score); the others carry the
 * statistics the search already looked up.
 */
final class TermDisjunction {
    private final Map<Term, Float> terms = new LinkedHashMap<>();
    private final List<Query> others = new ArrayList<>();

    /**
     * Lifts an analysed form in for {@code field} (its terms renamed to that field; null: a query
     * made for its field, terms kept as they are), leaving out the term queries whose text
     * {@code keep} rejects; anything else (a SynonymQuery of stacked tokens) is kept whole.
     */
    void add(Query q, String field, float boost, Predicate<String> keep) {
        if (q == null) {
            return;
        }
        if (q instanceof TermQuery t) {
            if (keep.test(t.getTerm().text())) {
                terms.merge(field == null ? t.getTerm() : new Term(field, t.getTerm().bytes()), boost, Float::sum);
            }
        } else if (q instanceof BoostQuery b) {
            add(b.getQuery(), field, boost * b.getBoost(), keep);
        } else if (q instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0
                && b.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD)) {
            for (BooleanClause c : b.clauses()) {
                add(c.getQuery(), field, boost, keep);
            }
        } else if (field == null) {
            others.add(new BoostQuery(q, boost)); // e.g. a SynonymQuery of stacked tokens: kept whole
        } else {
            throw new IllegalArgumentException("an analysed form to rename must be terms only: " + q);
        }
    }

    Query build(SearchQuestion question) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        terms.forEach((term, boost) -> {
            TermStates states = question.states(term);
            if (states.docFreq() > 0) {
                query.add(new BoostQuery(new TermQuery(term, states), boost), Occur.SHOULD);
            }
        });
        others.forEach(q -> query.add(q, Occur.SHOULD));
        return query.build();
    }

    /** Whether an analysed form is a disjunction of terms that {@link TermDisjunction#add} can lift into any field. */
    private static boolean liftable(Query q) {
        if (q == null || q instanceof TermQuery) {
            return true;
        }
        if (q instanceof BoostQuery b) {
            return liftable(b.getQuery());
        }
        return q instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0
                && b.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD && liftable(c.getQuery()));
    }

    /**
     * An analysed form into one field: lifted when it is terms only, else (stacked tokens, which none
     * of our analysers makes today) the analyser's own query for the field, lifted as far as it goes.
     */
    void addForm(Analyzer analyzer, Analysed form, String field, float boost, Predicate<String> keep) {
        if (liftable(form.template())) {
            add(form.template(), field, boost, keep);
        } else {
            add(new QueryBuilder(analyzer).createBooleanQuery(field, form.text(), Occur.SHOULD), null, boost, keep);
        }
    }
}
