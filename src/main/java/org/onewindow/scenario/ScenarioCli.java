package org.onewindow.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompilationException;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseException;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.platform.MessageFiles;
import org.onewindow.platform.ProductionLogLevels;

/**
 * The scenario runner for CI pipelines outside Maven — no server, no database:
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
 *      -cp "target/quarkus-app/app/*:target/quarkus-app/lib/boot/*:target/quarkus-app/lib/main/*" \
 *      org.onewindow.scenario.ScenarioCli \
 *      [--rules rules] [--kb knowledge-base] [--report report.html] [--no-coverage]
 *      [--drafts drafts.csv] [file.yaml ...]
 * </pre>
 *
 * Exit code 0 when every scenario passes, every rule is covered (unless --no-coverage or only some
 * files are run) and the static checks pass; 1 otherwise; 2 when the rules or knowledge base do not
 * load. {@code --drafts} writes draft scenarios for the uncovered rows as CSV, for a tester to review.
 * The {@code -XX} options are for a JVM that lives seconds (C1 alone, the serial collector): the whole
 * suite in about half the time and CPU; see docs/tester.md.
 */
public final class ScenarioCli {

    private ScenarioCli() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    /**
     * A scenario file named on the command line: as given when it exists (relative to the working
     * directory, or absolute: {@code rules/scenarios/food.yaml}), otherwise inside the scenario folder
     * ({@code food.yaml}) — never the folder prefixed twice.
     */
    static Path scenarioFile(Path folder, String name) {
        Path given = Path.of(name);
        return given.isAbsolute() || Files.exists(given) ? given : folder.resolve(name);
    }

    static int run(String[] args, PrintStream out) throws IOException {
        ProductionLogLevels.apply();
        Path rules = Path.of("rules");
        Path kb = Path.of("knowledge-base");
        Path report = null;
        Path drafts = null;
        boolean coverage = true;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> rules = Path.of(args[++i]);
                case "--kb" -> kb = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                case "--no-coverage" -> coverage = false;
                case "--drafts" -> drafts = Path.of(args[++i]);
                default -> files.add(args[i]);
            }
        }
        Catalogue catalogue;
        RuleSet ruleSet;
        try {
            catalogue = new KnowledgeBaseLoader().load(kb);
            ruleSet = new RuleSetCompiler().compile(rules);
        } catch (KnowledgeBaseException | RuleSetCompilationException e) {
            out.println(e.getMessage());
            return 2;
        }
        QuestionDomains domains = new QuestionDomains(catalogue, ruleSet);
        // the scenario's own asOf dates a decision; a scenario without one is decided as of today in the district
        IntakeDecider decider = new IntakeDecider(catalogue, ruleSet, domains, MessageFiles.load("zh"),
                MessageFiles.load("en"), java.time.Clock.system(java.time.ZoneId.of(System.getProperty("onewindow.zone",
                        "Asia/Shanghai"))));
        Path folder = rules.resolve(ScenarioService.FOLDER);
        ScenarioFiles.Loaded loaded;
        if (files.isEmpty()) {
            loaded = ScenarioFiles.load(folder, catalogue);
        } else {
            List<Scenario> scenarios = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (String f : files) {
                try {
                    scenarios.addAll(ScenarioFiles.read(scenarioFile(folder, f), catalogue));
                } catch (ScenarioFileException e) {
                    problems.add(e.getMessage());
                }
            }
            loaded = new ScenarioFiles.Loaded(scenarios, problems);
            coverage = false; // a few files cannot cover the whole rule set
        }
        SuiteResult result = new ScenarioRunner(catalogue, ruleSet, decider).run(loaded.scenarios(), loaded.problems());
        TableChecks.Report checks = new TableChecks(ruleSet, catalogue, domains).run();
        out.print(ScenarioReports.text(result, checks));
        if (report != null) {
            Files.writeString(report, ScenarioReports.html(result, checks), StandardCharsets.UTF_8);
            out.println("report: " + report.toAbsolutePath());
        }
        if (drafts != null) {
            List<Scenario> draft = new ScenarioDrafts(ruleSet, catalogue, domains).draft(result.coverage().uncovered());
            Files.writeString(drafts, ScenarioFiles.toCsv(draft), StandardCharsets.UTF_8);
            out.println(draft.size() + " draft scenarios for uncovered rows: " + drafts.toAbsolutePath());
        }
        boolean ok = result.failed() == 0 && result.fileProblems().isEmpty() && checks.passed()
                && (!coverage || result.coverage().uncovered().isEmpty());
        return ok ? 0 : 1;
    }
}
