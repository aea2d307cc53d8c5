package org.onewindow.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.search.RelevanceQueries;
import org.onewindow.search.SearchEntries;
import org.onewindow.search.SearchEntry;
import org.onewindow.search.SearchIndex;
import org.onewindow.search.SearchResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Query latency on the real index and on a synthetic index of 100,000 guides; the queries are
 * the citizen queries of the relevance set, taken in turn. Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class SearchBenchmark {

    @Param({"real", "synthetic-100000"})
    public String index;

    private SearchIndex searchIndex;
    private List<String> queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        org.onewindow.platform.ProductionLogLevels.apply();
        Catalogue catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        List<SearchEntry> entries = index.equals("real")
                ? SearchEntries.of(catalogue, Map.of())
                : SyntheticGuides.generate(catalogue, 100_000, 42);
        searchIndex = SearchIndex.build(entries, catalogue.synonyms());
        queries = RelevanceQueries.load().stream().map(RelevanceQueries.Case::query).toList();
    }

    @Benchmark
    public SearchResult query() {
        String q = queries.get(next++ % queries.size());
        return searchIndex.search(q, 10, null, null);
    }
}
