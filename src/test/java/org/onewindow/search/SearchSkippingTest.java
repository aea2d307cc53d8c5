package org.onewindow.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.bench.SyntheticGuides;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;

/**
 * What lets search skip documents at province scale, and that skipping changes nothing a citizen
 * sees but the words "more than": the relevance query exposes maximum scores (the condition for
 * block-max WAND / MaxScore), the catalogue-only weight still multiplies the score exactly, and an
 * index that stops counting early ranks and pages like one that counts everything.
 */
class SearchSkippingTest {

    private static Catalogue catalogue;
    private static List<SearchEntry> entries;
    private static SearchIndex index;
    private static List<String> queries;

    @BeforeAll
    static void load() {
        catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        entries = SearchEntries.of(catalogue, Map.of());
        index = SearchIndex.build(entries, catalogue.synonyms());
        queries = RelevanceQueries.load().stream().map(RelevanceQueries.Case::query).toList();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void theShippedCatalogueHasEntriesOfBothWeights() {
        // otherwise the split below would be a single clause and the test would prove less
        assertTrue(entries.stream().anyMatch(e -> e.weight() == 1f));
        assertTrue(entries.stream().anyMatch(e -> e.weight() == SearchEntry.CATALOGUE_ONLY));
    }

    /**
     * A question that expands to many official terms gets their tokens capped like its own: per
     * analysed form at most {@link SearchIndex#MAX_TERMS_PER_FORM} distinct tokens of the question
     * and as many of all its expansions together — where the expansions alone had far more.
     */
    @Test
    void theExpansionsOfALongQuestionAreCappedLikeTheQuestionItself() {
        int bitten = 0;
        for (String q : queries) {
            java.util.Set<org.apache.lucene.index.Term> terms = new java.util.HashSet<>();
            index.textRelevance(q).visit(org.apache.lucene.search.QueryVisitor.termCollector(terms));
            for (String suffix : List.of(Analyzers.WORDS, Analyzers.BIGRAMS)) {
                long distinct = terms.stream().filter(t -> t.field().endsWith(suffix)).map(t -> t.text()).distinct().count();
                assertTrue(distinct <= 2 * SearchIndex.MAX_TERMS_PER_FORM, q + " " + suffix + ": " + distinct);
            }
            java.util.Set<String> expansionBigrams = new java.util.HashSet<>();
            index.expansions(q).forEach(t -> expansionBigrams.addAll(SearchIndex.tokens(Analyzers.bigrams(), t)));
            if (expansionBigrams.size() > 2 * SearchIndex.MAX_TERMS_PER_FORM) {
                bitten++;
            }
        }
        assertTrue(bitten > 0, "no question expands past the cap: the test would prove nothing");
        java.util.Set<org.apache.lucene.index.Term> terms = new java.util.HashSet<>();
        index.textRelevance("开饭店要办营业执照和卫生许可吗").visit(org.apache.lucene.search.QueryVisitor.termCollector(terms));
        assertTrue(terms.size() < 172, "the question the cap was made for: " + terms.size() + " term clauses");
    }

    /** Every leaf's scorer knows a finite maximum score for TOP_SCORES: Lucene can skip with it. */
    @Test
    void theRelevanceQueryExposesMaximumScoresAndTheFunctionScoreFormDidNot() throws IOException {
        IndexSearcher searcher = index.searcher();
        for (String q : queries) {
            assertTrue(maxScoreKnown(searcher, index.relevance(q)), q);
        }
        // the formulation this replaced multiplied by a per-document value: no maximum, no skipping
        Query multiplied = FunctionScoreQuery.boostByValue(index.textRelevance("开饭店要办什么证"),
                DoubleValuesSource.constant(1));
        assertFalse(maxScoreKnown(searcher, multiplied));
    }

    private static boolean maxScoreKnown(IndexSearcher searcher, Query query) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
        boolean any = false;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                any = true;
                if (!Float.isFinite(scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS))) {
                    return false;
                }
            }
        }
        return any;
    }

    /** Score = text score × the entry's weight, for every document that matches, as before. */
    @Test
    void theWeightSplitMultipliesTheTextScoreExactly() throws IOException {
        IndexSearcher searcher = index.searcher();
        Map<String, Float> weightOf = new HashMap<>();
        entries.forEach(e -> weightOf.put(e.code(), e.weight()));
        int all = entries.size();
        for (String q : queries) {
            TopDocs text = searcher.search(index.textRelevance(q), new TopScoreDocCollectorManager(all, null, all));
            TopDocs weighted = searcher.search(index.relevance(q), new TopScoreDocCollectorManager(all, null, all));
            assertEquals(text.totalHits.value, weighted.totalHits.value, q);
            Map<Integer, Float> expected = new HashMap<>();
            for (ScoreDoc sd : text.scoreDocs) {
                expected.put(sd.doc, sd.score * weightOf.get(code(searcher, sd.doc)));
            }
            for (ScoreDoc sd : weighted.scoreDocs) {
                float want = expected.get(sd.doc);
                assertEquals(want, sd.score, Math.abs(want) * 1e-5f, q + " " + code(searcher, sd.doc));
            }
        }
    }

    private static String code(IndexSearcher searcher, int doc) {
        try {
            return index.shown(new int[] {doc}, SearchFields.CODE)[0][0];
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * On 5,000 synthetic guides, an index that stops counting at 100 returns the same pages as one
     * that counts every match, says its total is a lower bound, and the bound is true.
     */
    @Test
    void stoppingTheCountEarlyChangesNoPageAndTheBoundIsTrue() {
        List<SearchEntry> synthetic = SyntheticGuides.generate(catalogue, 5_000, 7);
        try (SearchIndex early = SearchIndex.build(synthetic, catalogue.synonyms(), SearchIndex.Options.ALL, 100);
                SearchIndex counting = SearchIndex.build(synthetic, catalogue.synonyms(), SearchIndex.Options.ALL,
                        Integer.MAX_VALUE)) {
            int lowerBounds = 0;
            for (String q : queries.subList(0, 40)) {
                for (int offset : new int[] {0, 30}) {
                    SearchResult fast = early.search(q, 10, offset, null, null);
                    SearchResult full = counting.search(q, 10, offset, null, null);
                    assertTrue(full.totalExact(), q);
                    assertEquals(full.hits().stream().map(SearchHit::code).toList(),
                            fast.hits().stream().map(SearchHit::code).toList(), q + " from " + offset);
                    assertEquals(full.hits().stream().map(SearchHit::highlight).toList(),
                            fast.hits().stream().map(SearchHit::highlight).toList(), q);
                    if (fast.totalExact()) {
                        assertEquals(full.total(), fast.total(), q);
                    } else {
                        lowerBounds++;
                        assertEquals(100, fast.total(), q);
                        assertTrue(full.total() > 100, q + ": more than 100 said, " + full.total() + " found");
                        assertTrue(fast.matters() < full.matters(), q);
                    }
                    assertEquals(full.events(), fast.events(), q);
                }
            }
            assertTrue(lowerBounds > 0, "some queries match more than 100 of 5,000 guides");
        }
    }
}
