package org.onewindow.bench;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.intake.Situation;
import org.onewindow.platform.MessageFiles;
import org.onewindow.platform.ProductionLogLevels;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * OneWindow against its DMN peers in one run (issue 15). For every case — one matter
 * (食品经营许可), the five-matter life event 开餐馆, and three synthetic tables — each engine does
 * the same work:
 * <ul>
 * <li>{@code onewindow}: the whole intake decision ({@code IntakeDecider.decide}: every table,
 * the DRL bundle rules, explanations, pending questions, the bilingual notice); for a synthetic
 * table, {@code RuleSet.evaluate} (KIE + fired-row trace);</li>
 * <li>{@code kie}, {@code camunda}, {@code camundaLegacy}: the DMN evaluations that intake
 * makes (recorded from OneWindow's own matter rules, see {@code IntakeCalls}), replayed on raw
 * kie-dmn-core and on Camunda DMN 7.24 in default FEEL and legacy (JUEL) mode;</li>
 * <li>{@code onewindowTables} (printed, not in the JSON): the same evaluations through
 * {@code RuleSet.evaluate}, to separate engine time from intake orchestration.</li>
 * </ul>
 * {@code BenchMain} writes target/benchmarks/peers.json and prints the ratios.
 * {@code PeersAgreementTest} checks that the engines agree on every evaluation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager"})
public class PeersBenchmark {

    @Param({Peers.SINGLE_MATTER, Peers.LIFE_EVENT, "synthetic-first60", "synthetic-collect300", "synthetic-unique5"})
    public String workload;

    private Peers.Workload work;
    private Peers.Engine engine;
    private IntakeDecider decider;
    private Situation situation;
    private RuleSet ruleSet;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        ProductionLogLevels.apply();
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Catalogue catalogue = Peers.isIntake(workload) ? Peers.catalogue() : null;
        switch (method) {
            case "onewindow" -> {
                if (catalogue != null) {
                    ruleSet = new RuleSetCompiler().compile(Peers.RULES);
                    decider = new IntakeDecider(catalogue, ruleSet, new QuestionDomains(catalogue, ruleSet),
                            MessageFiles.load("zh"), MessageFiles.load("en"), Clock.system(ZoneId.of("Asia/Shanghai")));
                    situation = Peers.situation(workload);
                } else {
                    work = Peers.workload(workload, null);
                    ruleSet = new RuleSetCompiler().compile(Peers.withManifest(work.files()));
                }
            }
            case "onewindowTables" -> {
                work = Peers.workload(workload, catalogue);
                ruleSet = new RuleSetCompiler().compile(Peers.withManifest(work.files()));
            }
            case "kie" -> {
                work = Peers.workload(workload, catalogue);
                engine = new Peers.Kie(work.files());
            }
            case "camunda", "camundaLegacy" -> {
                work = Peers.workload(workload, catalogue);
                engine = new Peers.Camunda(work.files(), method.equals("camundaLegacy"));
            }
            default -> throw new IllegalStateException(method);
        }
    }

    @Benchmark
    public void onewindow(Blackhole bh) {
        if (decider != null) {
            bh.consume(decider.decide(situation));
        } else {
            tables(bh);
        }
    }

    @Benchmark
    public void onewindowTables(Blackhole bh) {
        tables(bh);
    }

    private void tables(Blackhole bh) {
        for (Peers.Call c : work.calls()) {
            bh.consume(ruleSet.evaluate(c.model(), c.decision(), c.inputs()));
        }
    }

    @Benchmark
    public void kie(Blackhole bh) {
        replay(bh);
    }

    @Benchmark
    public void camunda(Blackhole bh) {
        replay(bh);
    }

    @Benchmark
    public void camundaLegacy(Blackhole bh) {
        replay(bh);
    }

    private void replay(Blackhole bh) {
        for (Peers.Call c : work.calls()) {
            bh.consume(engine.evaluate(c));
        }
    }
}
