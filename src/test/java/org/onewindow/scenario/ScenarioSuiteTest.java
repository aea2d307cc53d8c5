package org.onewindow.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.platform.MessageFiles;

/**
 * The shipped scenario suite (rules/scenarios) in the build: every scenario is a test of its own,
 * every rule must be fired by some scenario, and the readable report goes to
 * target/scenario-report.html.
 */
class ScenarioSuiteTest {

    private static Catalogue catalogue;
    private static RuleSet rules;
    private static ScenarioRunner runner;
    private static ScenarioFiles.Loaded loaded;

    @BeforeAll
    static void load() {
        catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        rules = new RuleSetCompiler().compile(Path.of("rules"));
        QuestionDomains domains = new QuestionDomains(catalogue, rules);
        runner = new ScenarioRunner(catalogue, rules, new IntakeDecider(catalogue, rules, domains,
                MessageFiles.load("zh"), MessageFiles.load("en"), java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"))));
        loaded = ScenarioFiles.load(Path.of("rules", ScenarioService.FOLDER), catalogue);
    }

    @TestFactory
    Stream<DynamicTest> everyScenario() {
        return loaded.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.file() + " — " + s.name(), () -> {
            ScenarioResult result = runner.run(s);
            assertTrue(result.passed(), () -> result.failures().stream()
                    .map(f -> f.field() + ": expected " + f.expected() + ", got " + f.actual())
                    .collect(Collectors.joining("\n")));
        }));
    }

    @Test
    void theScenarioFilesReadCleanlyAndThereAreAtLeastSixtyHandWrittenScenarios() {
        assertTrue(loaded.problems().isEmpty(), String.join("\n", loaded.problems()));
        long handWritten = loaded.scenarios().stream().filter(s -> s.file().endsWith(".yaml")).count();
        assertTrue(handWritten >= 60, "hand-written scenarios: " + handWritten);
    }

    @Test
    void everyShippedRuleIsFiredBySomeScenario() throws IOException {
        SuiteResult suite = runner.run(loaded.scenarios(), loaded.problems());
        TableChecks.Report checks = new TableChecks(rules, catalogue, new QuestionDomains(catalogue, rules)).run();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "scenario-report.html"), ScenarioReports.html(suite, checks),
                StandardCharsets.UTF_8);
        System.out.print(ScenarioReports.text(suite, null));
        List<String> uncovered = suite.coverage().uncovered();
        assertTrue(uncovered.isEmpty(), uncovered.size() + " rules no scenario fires (draft scenarios for them: "
                + "GET /api/scenarios/drafts or ScenarioCli --drafts):\n" + String.join("\n", uncovered));
    }
}
