package org.onewindow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The benchmark profile's entry point ({@code exec:exec@bench}): runs JMH with the given
 * arguments, as {@code org.openjdk.jmh.Main} does, and then, for the peers benchmark, writes
 * target/benchmarks/peers.json ({@code [{"case","engine","meanMicros","p99Micros"}]}) and prints
 * each engine's time as a ratio of raw KIE's and OneWindow's against the fastest Camunda mode.
 */
public final class BenchMain {

    private static final Map<String, String> ENGINES = Map.of("onewindow", "onewindow", "kie", "kie", "camunda",
            "camunda", "camundaLegacy", "camunda-legacy", "onewindowTables", "onewindow-tables");
    private static final Set<String> JSON_ENGINES = Set.of("onewindow", "kie", "camunda", "camunda-legacy");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = new CommandLineOptions(args);
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
                || options.shouldListProfilers() || options.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Collection<RunResult> results = new Runner(options).run();
        List<Row> peers = new ArrayList<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            if (!benchmark.contains(".PeersBenchmark.")) {
                continue;
            }
            String engine = ENGINES.get(benchmark.substring(benchmark.lastIndexOf('.') + 1));
            Result<?> primary = r.getPrimaryResult();
            double p99 = primary.getStatistics().getPercentile(99);
            peers.add(new Row(r.getParams().getParam("workload"), engine, primary.getScore(), p99));
        }
        if (!peers.isEmpty()) {
            write(peers);
            printRatios(peers);
        }
    }

    record Row(String caseName, String engine, double mean, double p99) {
    }

    private static void write(List<Row> rows) throws IOException {
        StringBuilder json = new StringBuilder("[\n");
        List<Row> published = rows.stream().filter(r -> JSON_ENGINES.contains(r.engine())).toList();
        for (int i = 0; i < published.size(); i++) {
            Row r = published.get(i);
            json.append(String.format(Locale.ROOT,
                    "  {\"case\": \"%s\", \"engine\": \"%s\", \"meanMicros\": %.2f, \"p99Micros\": %.2f}%s%n",
                    r.caseName(), r.engine(), r.mean(), r.p99(), i < published.size() - 1 ? "," : ""));
        }
        json.append("]\n");
        Path out = Path.of("target", "benchmarks", "peers.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.println("\nwrote " + out.toAbsolutePath());
    }

    private static void printRatios(List<Row> rows) {
        Map<String, Map<String, Row>> byCase = new LinkedHashMap<>();
        rows.forEach(r -> byCase.computeIfAbsent(r.caseName(), k -> new LinkedHashMap<>()).put(r.engine(), r));
        System.out.println("\nPeers: mean µs (ratio to raw KIE); OneWindow vs the fastest Camunda mode");
        System.out.printf(Locale.ROOT, "%-22s %-16s %12s %12s %10s%n", "case", "engine", "mean µs", "p99 µs", "÷ kie");
        byCase.forEach((c, engines) -> {
            Row kie = engines.get("kie");
            engines.values().forEach(r -> System.out.printf(Locale.ROOT, "%-22s %-16s %12.1f %12.1f %10s%n", c,
                    r.engine(), r.mean(), r.p99(), kie == null ? "" : String.format(Locale.ROOT, "%.2f", r.mean() / kie.mean())));
            Row ow = engines.get("onewindow");
            Row fastestCamunda = engines.values().stream().filter(r -> r.engine().startsWith("camunda"))
                    .min((a, b) -> Double.compare(a.mean(), b.mean())).orElse(null);
            if (ow != null && fastestCamunda != null) {
                System.out.printf(Locale.ROOT, "%-22s OneWindow is %.2f× faster than %s (target ≥ 2), %.2f× raw KIE's time (target ≤ 1.5)%n",
                        c, fastestCamunda.mean() / ow.mean(), fastestCamunda.engine(),
                        kie == null ? Double.NaN : ow.mean() / kie.mean());
            }
        });
    }
}
