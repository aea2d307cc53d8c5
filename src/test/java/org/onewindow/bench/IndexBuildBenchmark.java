package org.onewindow.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.search.SearchEntry;
import org.onewindow.search.SearchIndex;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Time to build the whole index (documents and type-ahead) for 100,000 synthetic guides. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class IndexBuildBenchmark {

    @Param({"100000"})
    public int guides;

    private List<SearchEntry> entries;
    private Catalogue catalogue;
    private SearchIndex built;

    @Setup(Level.Trial)
    public void setUp() {
        org.onewindow.platform.ProductionLogLevels.apply();
        catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        entries = SyntheticGuides.generate(catalogue, guides, 42);
    }

    @Benchmark
    public SearchIndex build() {
        built = SearchIndex.build(entries, catalogue.synonyms());
        return built;
    }

    @TearDown(Level.Iteration)
    public void release() {
        if (built != null) {
            built.close();
        }
    }
}
