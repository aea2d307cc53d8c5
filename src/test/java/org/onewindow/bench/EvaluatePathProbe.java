package org.onewindow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.intake.Situation;
import org.onewindow.intake.SituationReader;
import org.onewindow.platform.MessageFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The evaluate path's in-process steps, one at a time, in a plain loop (issue 15, HTTP part):
 * what {@code POST /api/intake/evaluate} does besides HTTP and the database, for the load test's
 * own body, so the decision's share of an HTTP request can be compared with
 * {@link PeersBenchmark}'s single matter. Prints this thread's CPU time per step.
 * {@code java -cp ... org.onewindow.bench.EvaluatePathProbe [seconds per step]}. Not a measurement
 * for the docs' tables; a tool to see where the time goes.
 */
public final class EvaluatePathProbe {

    static final String BODY = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, "
            + "\"vendingMachineOnly\": false}, \"applicant\": {\"type\": \"enterprise\", \"id\": \"91350100M000100Y43\"}}";

    private EvaluatePathProbe() {
    }

    public static void main(String[] args) throws Exception {
        org.onewindow.platform.ProductionLogLevels.apply();
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        Catalogue catalogue = Peers.catalogue();
        RuleSet rules = new RuleSetCompiler().compile(Peers.RULES);
        IntakeDecider decider = new IntakeDecider(catalogue, rules, new QuestionDomains(catalogue, rules),
                MessageFiles.load("zh"), MessageFiles.load("en"), Clock.system(ZoneId.of("Asia/Shanghai")));
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ObjectMapper canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        JsonNode body = json.readTree(BODY);
        Situation situation = new SituationReader(catalogue).read(body);
        Situation credited = new Situation(situation.matters(), situation.event(), situation.answers(),
                new org.onewindow.intake.Applicant("enterprise", "91350100M000100Y43", "good"), null);
        Outcome outcome = decider.decide(credited);
        byte[] outcomeJson = json.writeValueAsBytes(outcome);
        System.out.printf("outcome JSON %,d bytes, notice %d + %d chars, %d explanations%n", outcomeJson.length,
                outcome.notice().length(), outcome.noticeEn().length(), outcome.explanation().size());
        Map<String, Supplier<Object>> steps = new LinkedHashMap<>();
        steps.put("parse body (readTree)", () -> {
            try {
                return json.readTree(BODY);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        steps.put("read situation", () -> new SituationReader(catalogue).read(body));
        steps.put("decide (as PeersBenchmark)", () -> decider.decide(credited));
        steps.put("serialise outcome", () -> write(json, outcome));
        steps.put("serialise situation (sorted)", () -> write(canonical, credited));
        steps.put("sha-256 of situation", () -> sha256(write(canonical, credited)));
        steps.put("deflate outcome", () -> deflate(outcomeJson));
        steps.put("reference (SecureRandom)", () -> org.onewindow.intake.References.next(java.time.LocalDate.now()));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
        long self = Thread.currentThread().getId();
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up
            for (Map.Entry<String, Supplier<Object>> step : steps.entrySet()) {
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                long n = 0;
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = allocation.getThreadAllocatedBytes(self);
                Object sink = null;
                while (System.nanoTime() < end) {
                    sink = step.getValue().get();
                    n++;
                }
                if (pass == 1) {
                    System.out.printf("%-32s %8.1f µs CPU/op %9.1f KB allocated/op (%d ops)%s%n", step.getKey(),
                            (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / n,
                            (allocation.getThreadAllocatedBytes(self) - allocated) / 1024.0 / n, n, sink == null ? "" : "");
                }
            }
        }
    }

    private static byte[] write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] deflate(byte[] bytes) {
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        try {
            d.setInput(bytes);
            d.finish();
            byte[] out = new byte[bytes.length];
            int n = 0;
            while (!d.finished()) {
                n += d.deflate(out, n, out.length - n);
            }
            return java.util.Arrays.copyOf(out, n);
        } finally {
            d.end();
        }
    }
}
