package org.onewindow.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.bench.SyntheticGuides;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.guide.Synonym;

/**
 * The work a search now does once, or only where it shows, gives what the work done every time gave:
 * the page's highlights are those of Lucene's batch highlighting of all three fields with Lucene's own
 * passage scorer (the configuration before issue 15's third round), the lean passage scorer scores as
 * Lucene's, the prepared vocabulary expands as a scan of every entry did, and the life events counted
 * in their own index are the ones the whole index counts.
 */
class SearchOnceTest {

    private static Catalogue catalogue;
    private static SearchIndex real;
    private static List<String> queries;

    @BeforeAll
    static void load() {
        catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        real = SearchIndex.build(SearchEntries.of(catalogue, Map.of()), catalogue.synonyms());
        queries = new ArrayList<>(RelevanceQueries.load().stream().map(RelevanceQueries.Case::query).toList());
        RelevanceQueries.load(RelevanceQueries.ENGLISH).forEach(c -> queries.add(c.query()));
    }

    @AfterAll
    static void close() {
        real.close();
    }

    @Test
    void highlightsAreLuceneBatchHighlightsOnTheRealIndex() throws IOException {
        assertSameHighlights(real);
    }

    @Test
    void highlightsAreLuceneBatchHighlightsOnSyntheticGuides() throws IOException {
        try (SearchIndex synthetic = SearchIndex.build(SyntheticGuides.generate(catalogue, 5_000, 11), catalogue.synonyms())) {
            assertSameHighlights(synthetic);
        }
    }

    /** Every hit of two pages of every query: what the batch call of all three fields would have shown. */
    private static void assertSameHighlights(SearchIndex index) throws IOException {
        UnifiedHighlighter before = new UnifiedHighlighter(UnifiedHighlighter.builder(index.searcher(), Analyzers.bigrams())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withMaxLength(2000)
                .withWeightMatches(false)
                .withBreakIterator(() -> java.text.BreakIterator.getSentenceInstance(Locale.CHINA))) {
            @Override
            protected OffsetSource getOffsetSource(String field) {
                return OffsetSource.ANALYSIS;
            }

            // the texts are doc values, not stored fields: read them as the batch call reads stored ones
            // (in document order, cut at the maximum length)
            @Override
            protected java.util.List<CharSequence[]> loadFieldValues(String[] fields,
                    org.apache.lucene.search.DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
                java.util.List<CharSequence[]> values = new java.util.ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                        doc = docIter.nextDoc()) {
                    String[] texts = index.shown(new int[] {doc}, fields)[0];
                    CharSequence[] cut = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        cut[f] = texts[f] == null ? "" : texts[f].substring(0, Math.min(getMaxLength(), texts[f].length()));
                    }
                    values.add(cut);
                }
                return values;
            }
        };
        String[] fields = {PageHighlighter.NAME, PageHighlighter.ALIAS, PageHighlighter.BODY};
        int hits = 0;
        int bodies = 0;
        for (String q : queries) {
            for (int offset : new int[] {0, 10}) {
                SearchResult result = index.search(q, 10, offset, null, null);
                if (result.hits().isEmpty()) {
                    continue;
                }
                int[] docIds = result.hits().stream().mapToInt(h -> docId(index, h.code())).toArray();
                Map<String, String[]> marked = before.highlightFields(fields, index.highlightQuery(q), docIds,
                        new int[] {1, 1, 1});
                for (int i = 0; i < docIds.length; i++) {
                    String name = marked.get(fields[0])[i];
                    String aliases = marked.get(fields[1])[i];
                    String body = marked.get(fields[2])[i];
                    String expected = PageHighlighter.marked(name) ? name : PageHighlighter.marked(aliases) ? aliases
                            : PageHighlighter.marked(body) ? PageHighlighter.snippet(body)
                                    : PageHighlighter.escape(result.hits().get(i).name());
                    if (!PageHighlighter.marked(name) && !PageHighlighter.marked(aliases) && PageHighlighter.marked(body)) {
                        bodies++;
                    }
                    assertEquals(expected, result.hits().get(i).highlight(), q + " from " + offset + ", hit " + i);
                    hits++;
                }
            }
        }
        assertTrue(hits > 1000, "highlights compared: " + hits);
        assertTrue(bodies > 10, "some hits are marked in their body: " + bodies);
    }

    private static int docId(SearchIndex index, String code) {
        try {
            return index.searcher().search(new TermQuery(new Term(SearchFields.CODE, code)), 1).scoreDocs[0].doc;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theLeanPassageScorerScoresAsLucenes() {
        PassageScorer lucene = new PassageScorer();
        LeanPassageScorer lean = new LeanPassageScorer();
        Random random = new Random(15);
        BytesRef[] terms = {new BytesRef("营业"), new BytesRef("执照"), new BytesRef("卫生"), new BytesRef("许可"),
            new BytesRef("ying ye"), new BytesRef("业执")};
        for (int n = 0; n < 5_000; n++) {
            Passage passage = new Passage();
            int start = random.nextInt(500);
            int length = 1 + random.nextInt(300);
            passage.setStartOffset(start);
            passage.setEndOffset(start + length);
            int matches = random.nextInt(12);
            for (int m = 0; m < matches; m++) {
                int at = start + random.nextInt(length);
                // a term's frequency in the document is the same wherever it matches, as in the highlighter
                int term = random.nextInt(terms.length);
                passage.addMatch(at, at + 1, terms[term], 1 + term * 3 + (n % 5));
            }
            int contentLength = start + length + random.nextInt(2000);
            assertEquals(Float.floatToIntBits(lucene.score(passage, contentLength)),
                    Float.floatToIntBits(lean.score(passage, contentLength)), "passage " + n);
        }
    }

    @Test
    void thePreparedVocabularyExpandsAsAScanOfEveryEntry() {
        Vocabulary vocabulary = new Vocabulary(catalogue.synonyms());
        List<String> texts = new ArrayList<>(queries);
        texts.addAll(List.of("", "开饭店开饭店", "饭", "Open a RESTAURANT, please!", "社保卡 pension", "营业执照和食品经营许可"));
        for (Synonym s : catalogue.synonyms()) {
            texts.add(String.join("", s.words())); // every word of an entry, run together
            texts.add("想" + String.join(" ", s.words()) + "怎么办");
        }
        for (String text : texts) {
            assertEquals(scan(catalogue.synonyms(), text), vocabulary.expansions(text), text);
            assertEquals(scanEnglish(catalogue.synonyms(), text), vocabulary.englishExpansions(text), text);
        }
    }

    /** The expansion before the vocabulary was prepared: every entry tested in file order. */
    private static List<String> scan(List<Synonym> synonyms, String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Synonym s : synonyms) {
            if (!english(s) && s.words().stream().anyMatch(text::contains)) {
                out.addAll(s.means());
            }
        }
        return List.copyOf(out);
    }

    private static List<String> scanEnglish(List<Synonym> synonyms, String text) {
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        Set<String> out = new LinkedHashSet<>();
        for (Synonym s : synonyms) {
            if (english(s) && s.words().stream().anyMatch(w -> lower.contains(" " + w.toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", " ").strip() + " "))) {
                out.addAll(s.means());
            }
        }
        return List.copyOf(out);
    }

    private static boolean english(Synonym s) {
        return !s.words().isEmpty() && s.words().stream().allMatch(Vocabulary::latin);
    }

    @Test
    void lifeEventsCountedAloneAreThoseTheWholeIndexCounts() throws IOException {
        int withEvents = 0;
        for (String q : queries) {
            SearchResult result = real.search(q, 10, null, null);
            Query events = new BooleanQuery.Builder().add(real.relevance(q), Occur.MUST)
                    .add(new TermQuery(new Term(SearchFields.KIND, SearchEntry.EVENT)), Occur.FILTER).build();
            int whole = real.searcher().count(events);
            assertEquals(whole, result.events(), q);
            withEvents += whole > 0 ? 1 : 0;
            if (!result.hits().isEmpty() && result.hits().get(0).department() != null) {
                String department = result.hits().get(0).department();
                Query inDepartment = new BooleanQuery.Builder().add(events, Occur.MUST)
                        .add(new TermQuery(new Term(SearchFields.DEPARTMENT, department)), Occur.FILTER).build();
                assertEquals(real.searcher().count(inDepartment), real.search(q, 10, null, department).events(),
                        q + " in " + department);
            }
        }
        assertTrue(withEvents > 10, "queries matching life events: " + withEvents);
    }
}
