package org.onewindow.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.search.SearchIndex.Options;

/**
 * Relevance of search on the shipped knowledge base, over the citizen queries in
 * src/test/resources/search/relevance.yaml: recall@5 (a right answer in the first five) and MRR.
 * The build fails below recall@5 = 0.9. Each part of the analysis chain is measured on its own
 * and against plain StandardAnalyzer BM25; the table is written to target/relevance.md.
 */
class RelevanceTest {

    private static final double REQUIRED_RECALL_AT_5 = 0.9;

    private static Catalogue catalogue;
    private static List<SearchEntry> entries;
    private static List<RelevanceQueries.Case> cases;
    private static List<RelevanceQueries.Case> english;

    @BeforeAll
    static void load() {
        catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        entries = SearchEntries.of(catalogue, Map.of());
        cases = RelevanceQueries.load();
        english = RelevanceQueries.load(RelevanceQueries.ENGLISH);
    }

    /** recall@5 and MRR@10 of a ranking function over all cases, with the misses. */
    record Score(double recallAt5, double mrr, List<String> misses) {
    }

    static Score score(Function<String, List<String>> ranking) {
        return score(cases, ranking);
    }

    static Score score(List<RelevanceQueries.Case> cases, Function<String, List<String>> ranking) {
        int found = 0;
        double reciprocal = 0;
        List<String> misses = new ArrayList<>();
        for (RelevanceQueries.Case c : cases) {
            List<String> ranked = ranking.apply(c.query());
            int rank = 0;
            for (int i = 0; i < ranked.size() && i < 10; i++) {
                if (c.expect().contains(ranked.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            if (rank > 0) {
                reciprocal += 1.0 / rank;
            }
            if (rank > 0 && rank <= 5) {
                found++;
            } else {
                misses.add(c.query() + " → " + ranked.subList(0, Math.min(5, ranked.size())) + " (want " + c.expect() + ")");
            }
        }
        return new Score((double) found / cases.size(), reciprocal / cases.size(), misses);
    }

    private static Function<String, List<String>> ranking(SearchIndex index) {
        return q -> index.search(q, 10, null, null).hits().stream().map(SearchHit::code).toList();
    }

    @Test
    void theTestSetIsLargeAndPointsAtRealMattersAndEvents() {
        assertTrue(cases.size() >= 80, "at least 80 queries, found " + cases.size());
        for (RelevanceQueries.Case c : cases) {
            for (String code : c.expect()) {
                assertTrue(catalogue.matter(code).isPresent() || catalogue.event(code).isPresent(),
                        c.query() + " expects unknown code " + code);
            }
        }
    }

    @Test
    void recallAtFiveIsAtLeastNinetyPercent() throws IOException {
        Map<String, Score> results = new LinkedHashMap<>();
        BaselineIndex baseline = new BaselineIndex(entries);
        results.put("StandardAnalyzer BM25 (baseline)", score(q -> baseline.search(q, 10)));
        results.put("SmartChineseAnalyzer words only", variant(new Options(true, false, false, false)));
        results.put("CJK bigrams only", variant(new Options(false, true, false, false)));
        results.put("words + bigrams", variant(new Options(true, true, false, false)));
        results.put("words + bigrams + pinyin", variant(new Options(true, true, true, false)));
        Score full = variant(Options.ALL);
        results.put("words + bigrams + pinyin + synonyms (shipped)", full);

        StringBuilder table = new StringBuilder("| chain | recall@5 | MRR |\n|---|---|---|\n");
        results.forEach((name, s) -> table.append(String.format("| %s | %.3f | %.3f |%n", name, s.recallAt5(), s.mrr())));
        table.append("\n").append(cases.size()).append(" queries. Misses of the shipped chain:\n");
        full.misses().forEach(m -> table.append("- ").append(m).append('\n'));
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "relevance.md"), table);

        assertTrue(full.recallAt5() >= REQUIRED_RECALL_AT_5, String.format("recall@5 %.3f < %.2f:%n%s",
                full.recallAt5(), REQUIRED_RECALL_AT_5, String.join("\n", full.misses())));
    }

    /**
     * The English queries have their own bar: an English analyser (stemming) over the English
     * names, aliases and bodies, and the English vocabulary (synonyms-en.yaml).
     */
    @Test
    void englishQueriesFindTheirMattersTooAtRecallNinetyPercent() throws IOException {
        assertTrue(english.size() >= 40, "at least 40 English queries, found " + english.size());
        for (RelevanceQueries.Case c : english) {
            for (String code : c.expect()) {
                assertTrue(catalogue.matter(code).isPresent() || catalogue.event(code).isPresent(),
                        c.query() + " expects unknown code " + code);
            }
        }
        Score withoutEnglish;
        try (SearchIndex index = SearchIndex.build(entries, catalogue.synonyms(), new Options(true, true, true, true,
                false))) {
            withoutEnglish = score(english, ranking(index));
        }
        Score noVocabulary;
        try (SearchIndex index = SearchIndex.build(entries, catalogue.synonyms(), new Options(true, true, true, false,
                true))) {
            noVocabulary = score(english, ranking(index));
        }
        Score full;
        try (SearchIndex index = SearchIndex.build(entries, catalogue.synonyms(), Options.ALL)) {
            full = score(english, ranking(index));
        }
        StringBuilder table = new StringBuilder("| English chain | recall@5 | MRR |\n|---|---|---|\n");
        table.append(String.format("| Chinese chain only (no English fields) | %.3f | %.3f |%n", withoutEnglish.recallAt5(),
                withoutEnglish.mrr()));
        table.append(String.format("| English analyser, no vocabulary | %.3f | %.3f |%n", noVocabulary.recallAt5(),
                noVocabulary.mrr()));
        table.append(String.format("| English analyser + English vocabulary (shipped) | %.3f | %.3f |%n", full.recallAt5(),
                full.mrr()));
        table.append("\n").append(english.size()).append(" English queries. Misses:\n");
        full.misses().forEach(m -> table.append("- ").append(m).append('\n'));
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "relevance-en.md"), table);
        assertTrue(full.recallAt5() >= REQUIRED_RECALL_AT_5, String.format("English recall@5 %.3f < %.2f:%n%s",
                full.recallAt5(), REQUIRED_RECALL_AT_5, String.join("\n", full.misses())));
    }

    private static Score variant(Options options) {
        try (SearchIndex index = SearchIndex.build(entries, catalogue.synonyms(), options)) {
            return score(ranking(index));
        }
    }
}
