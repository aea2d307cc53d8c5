package org.onewindow.bench;

import java.time.Clock;
import java.time.ZoneId;

import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.intake.Situation;
import org.onewindow.platform.MessageFiles;

/**
 * A loop to profile one case outside JMH (e.g. under JFR):
 * {@code java -XX:StartFlightRecording=... -cp ... org.onewindow.bench.PeersProbe single-matter onewindow 30}.
 * Not a measurement: the benchmark is {@link PeersBenchmark}.
 */
public final class PeersProbe {

    private PeersProbe() {
    }

    public static void main(String[] args) {
        org.onewindow.platform.ProductionLogLevels.apply();
        String caseName = args[0];
        String engine = args[1];
        long seconds = Long.parseLong(args[2]);
        Catalogue catalogue = Peers.catalogue();
        Runnable op;
        if (engine.equals("onewindow")) {
            RuleSet rules = new RuleSetCompiler().compile(Peers.RULES);
            IntakeDecider decider = new IntakeDecider(catalogue, rules, new QuestionDomains(catalogue, rules),
                    MessageFiles.load("zh"), MessageFiles.load("en"), Clock.system(ZoneId.of("Asia/Shanghai")));
            Situation s = Peers.situation(caseName);
            op = () -> decider.decide(s);
        } else {
            Peers.Workload w = Peers.workload(caseName, catalogue);
            Peers.Engine e = engine.equals("kie") ? new Peers.Kie(w.files())
                    : new Peers.Camunda(w.files(), engine.equals("camunda-legacy"));
            op = () -> w.calls().forEach(e::evaluate);
        }
        // a third of the time warms up; then wall time and this thread's CPU time per operation (on a
        // shared machine the CPU time is the steadier of the two: it does not count time spent waiting for a core)
        long warm = System.nanoTime() + seconds * 1_000_000_000L / 3;
        while (System.nanoTime() < warm) {
            op.run();
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        while (System.nanoTime() < end) {
            op.run();
            n++;
        }
        System.out.printf("%s %s: %d ops, %.1f µs/op wall, %.1f µs/op CPU%n", caseName, engine, n,
                (System.nanoTime() - start) / 1000.0 / n, (threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / n);
    }
}
