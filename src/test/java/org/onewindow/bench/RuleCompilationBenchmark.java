package org.onewindow.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a reload costs (compile every DMN and DRL file, index, warm up): paid once per published
 * rule set, never per request — the figure shows why it must stay off the request path.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
@org.openjdk.jmh.annotations.State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class RuleCompilationBenchmark {

    @org.openjdk.jmh.annotations.Setup
    public void quietLogs() {
        org.onewindow.platform.ProductionLogLevels.apply();
    }

    @Benchmark
    public RuleSet compileShippedRules() {
        return new RuleSetCompiler().compile(Path.of("rules"));
    }
}
