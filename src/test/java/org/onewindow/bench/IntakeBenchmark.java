package org.onewindow.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.intake.Applicant;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.platform.MessageFiles;
import org.onewindow.intake.Situation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process cost of one intake decision on the shipped knowledge base and rules, after warm-up:
 * the rule set is compiled once in setup, exactly as the registry does before publishing it.
 * Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
public class IntakeBenchmark {

    private IntakeDecider decider;
    private Situation foodLicence;
    private Situation foodLicenceUnanswered;
    private Situation restaurantEvent;
    private Situation dibao;

    @Setup
    public void setUp() {
        org.onewindow.platform.ProductionLogLevels.apply();
        Catalogue catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        RuleSet rules = new RuleSetCompiler().compile(Path.of("rules"));
        decider = new IntakeDecider(catalogue, rules, new QuestionDomains(catalogue, rules), MessageFiles.load("zh"),
                MessageFiles.load("en"), java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai")));
        Applicant enterprise = new Applicant("enterprise", "91350100M000100Y43", "good");
        foodLicence = new Situation(List.of("food-business-licence"), null,
                Map.of("agent", false, "vendingMachineOnly", false), enterprise, null);
        foodLicenceUnanswered = new Situation(List.of("food-business-licence"), null, Map.of(), enterprise, null);
        restaurantEvent = new Situation(List.of(), "open-restaurant", Map.of("businessForm", "company",
                "hasSignboard", true, "publicGathering", true, "agent", false, "premisesOwnership", "rented"),
                enterprise, null);
        dibao = new Situation(List.of("minimum-living-allowance"), null,
                Map.of("agent", false, "applicantAge", new BigDecimal(45)), new Applicant("person", null, "good"), null);
    }

    @Benchmark
    public Outcome singleMatterAllAnswered() {
        return decider.decide(foodLicence);
    }

    @Benchmark
    public Outcome singleMatterWithPendingQuestions() {
        return decider.decide(foodLicenceUnanswered);
    }

    @Benchmark
    public Outcome socialAssistanceMatter() {
        return decider.decide(dibao);
    }

    @Benchmark
    public Outcome lifeEventOfFiveMatters() {
        return decider.decide(restaurantEvent);
    }
}
