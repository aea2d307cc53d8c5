package org.onewindow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;

/**
 * One search's question: each analyser runs over it once, and each term's statistics are looked up
 * in the index once — shared by the cap on long questions (document frequencies), the query and
 * the count of life events, which before looked every term up again.
 */
final class SearchQuestion {
    private final String text;
    private final IndexSearcher searcher;
    private final Map<Analyzer, Analysed> forms = new IdentityHashMap<>();
    private final Map<Term, TermStates> states = new HashMap<>();

    SearchQuestion(String text, IndexSearcher searcher) {
        this.text = text;
        this.searcher = searcher;
    }

    String text() {
        return text;
    }

    Analysed form(Analyzer analyzer) {
        return forms.computeIfAbsent(analyzer, a -> Analysed.of(a, text));
    }

    List<String> tokens(Analyzer analyzer) {
        return form(analyzer).tokens();
    }

    TermStates states(Term term) {
        TermStates known = states.get(term);
        if (known == null) {
            try {
                known = lookUp(term);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            states.put(term, known);
        }
        return known;
    }

    /** One terms enumerator per field and segment, reused for every term of the question. */
    private final Map<String, TermsEnum[]> enums = new HashMap<>();

    /**
     * What {@code TermStates.build(searcher, term, true)} gives (each segment's term state and the
     * summed statistics), but seeking with one enumerator per field and segment instead of creating
     * one per term and segment through the searcher's task executor — a search looks up ~150 terms.
     */
    private TermStates lookUp(Term term) throws IOException {
        IndexReaderContext top = searcher.getTopReaderContext();
        TermStates found = new TermStates(top);
        List<LeafReaderContext> leaves = top.leaves();
        TermsEnum[] perLeaf = enums.computeIfAbsent(term.field(), f -> new TermsEnum[leaves.size()]);
        for (LeafReaderContext leaf : leaves) {
            TermsEnum terms = perLeaf[leaf.ord];
            if (terms == null) {
                terms = Terms.getTerms(leaf.reader(), term.field()).iterator();
                perLeaf[leaf.ord] = terms;
            }
            if (terms.seekExact(term.bytes())) {
                found.register(terms.termState(), leaf.ord, terms.docFreq(), terms.totalTermFreq());
            }
        }
        return found;
    }
}
