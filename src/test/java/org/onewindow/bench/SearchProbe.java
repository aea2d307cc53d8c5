package org.onewindow.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.search.RelevanceQueries;
import org.onewindow.search.SearchEntries;
import org.onewindow.search.SearchEntry;
import org.onewindow.search.SearchHit;
import org.onewindow.search.SearchIndex;
import org.onewindow.search.SearchResult;

/**
 * A plain loop over the relevance queries on the synthetic 100,000-guide index (or the real one), for
 * profiles (JFR) and for comparing two versions of the search path on a loaded machine: per query it
 * writes the thread CPU time and allocation (medians of the passes), the total, the first ten codes
 * and their highlights, tab-separated, to the file given as the first argument. CPU time, not wall time, so that the other builds on the
 * machine do not decide the comparison.
 */
public final class SearchProbe {

    private SearchProbe() {
    }

    public static void main(String[] args) throws Exception {
        org.onewindow.platform.ProductionLogLevels.apply();
        Path out = Path.of(args.length > 0 ? args[0] : "target/search-probe.tsv");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        // a number of synthetic guides, or "real": the shipped catalogue's own entries
        String which = args.length > 2 ? args[2] : "100000";
        Catalogue catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        List<SearchEntry> entries = which.equals("real") ? SearchEntries.of(catalogue, Map.of())
                : SyntheticGuides.generate(catalogue, Integer.parseInt(which), 42);
        com.sun.management.ThreadMXBean cpu = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long buildStart = cpu.getCurrentThreadCpuTime();
        long buildWall = System.nanoTime();
        try (SearchIndex index = SearchIndex.build(entries, catalogue.synonyms())) {
            System.out.printf("build: cpu %.1f s, wall %.1f s%n", (cpu.getCurrentThreadCpuTime() - buildStart) / 1e9,
                    (System.nanoTime() - buildWall) / 1e9);
            // -Dprobe.match=regex: only the queries it finds (to profile one kind of question)
            java.util.regex.Pattern only = java.util.regex.Pattern.compile(System.getProperty("probe.match", ""));
            List<String> queries = RelevanceQueries.load().stream().map(RelevanceQueries.Case::query)
                    .filter(q -> only.matcher(q).find()).toList();
            for (int warm = 0; warm < 3; warm++) {
                for (String q : queries) {
                    index.search(q, 10, null, null);
                }
            }
            long[][] times = new long[queries.size()][passes];
            long[][] bytes = new long[queries.size()][passes];
            long self = Thread.currentThread().getId();
            SearchResult[] results = new SearchResult[queries.size()];
            for (int p = 0; p < passes; p++) {
                for (int i = 0; i < queries.size(); i++) {
                    long a = cpu.getThreadAllocatedBytes(self);
                    long t = cpu.getCurrentThreadCpuTime();
                    results[i] = index.search(queries.get(i), 10, null, null);
                    times[i][p] = cpu.getCurrentThreadCpuTime() - t;
                    bytes[i][p] = cpu.getThreadAllocatedBytes(self) - a;
                }
            }
            List<String> lines = new ArrayList<>();
            long[] medians = new long[queries.size()];
            long allocated = 0;
            for (int i = 0; i < queries.size(); i++) {
                Arrays.sort(times[i]);
                Arrays.sort(bytes[i]);
                medians[i] = times[i][passes / 2];
                allocated += bytes[i][passes / 2];
                lines.add(queries.get(i) + "\t" + medians[i] / 1000 + "\t" + bytes[i][passes / 2] / 1024 + "\t"
                        + results[i].total() + "\t" + results[i].totalExact() + "\t" + results[i].events() + "\t"
                        + results[i].suggestion() + "\t"
                        + String.join(",", results[i].hits().stream().map(h -> Float.toString(h.score())).toList()) + "\t"
                        + String.join(",", results[i].hits().stream().map(SearchHit::code).toList()) + "\t"
                        + String.join(" | ", results[i].hits().stream().map(SearchHit::highlight).toList()));
            }
            Files.write(out, lines);
            long[] sorted = medians.clone();
            Arrays.sort(sorted);
            System.out.printf("cpu per query (median of %d passes): mean %.0f µs, p50 %d µs, p90 %d µs, max %d µs%n",
                    passes, Arrays.stream(sorted).average().orElse(0) / 1000, sorted[sorted.length / 2] / 1000,
                    sorted[sorted.length * 9 / 10] / 1000, sorted[sorted.length - 1] / 1000);
            System.out.printf("allocated per query (median of the passes, mean over the queries): %.0f KB%n",
                    allocated / 1024.0 / queries.size());
        }
    }
}
