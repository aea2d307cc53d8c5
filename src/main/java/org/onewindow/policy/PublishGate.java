package org.onewindow.policy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.dmn.api.core.DMNModel;
import org.onewindow.decision.RuleProblem;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompilationException;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.IntakeRulesContract;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.scenario.Failure;
import org.onewindow.scenario.ScenarioFiles;
import org.onewindow.scenario.ScenarioResult;
import org.onewindow.scenario.ScenarioRunner;
import org.onewindow.scenario.SuiteResult;
import org.onewindow.scenario.TableChecks;

/**
 * What a rule set must pass before it may serve, the same for the console's publish and for a
 * reload of the rules folder: the XML parses safely (no DTD, no entities, a size limit), everything
 * compiles, the checks the services contribute pass (intake's contract and the knowledge-base
 * quality gate), the static checks find no overlap, gap or shadowed row, every scenario of the
 * suite passes, and every row and rule is fired by some scenario. Each problem names its file, the
 * line and the row ({@code model#ruleId}) where it can, and the reason.
 */
public final class PublishGate {

    /** The verdict, and the compiled candidate when it compiled. */
    public record Report(boolean ok, List<RuleProblem> problems, Scenarios scenarios, CoverageCount coverage,
            String version, @com.fasterxml.jackson.annotation.JsonIgnore RuleSet candidate) {
    }

    public record Scenarios(int passed, int failed) {
    }

    public record CoverageCount(int covered, int total) {
    }

    /** The checks contributed by the services (intake's contract, the quality gate): the registry's {@code check}. */
    public interface Checks {
        List<RuleProblem> check(RuleSet candidate);
    }

    private static final Pattern ROW = Pattern.compile("([A-Za-z][\\w-]*)#([\\w.-]+)");
    private static final Pattern TABLE = Pattern.compile("([A-Za-z][\\w-]*)/([\\w.-]+)");

    private final Catalogue catalogue;
    private final Checks checks;
    private final java.nio.file.Path scenarios;
    private final ZoneId zone;

    public PublishGate(Catalogue catalogue, Checks checks, java.nio.file.Path scenarios, ZoneId zone) {
        this.catalogue = catalogue;
        this.checks = checks;
        this.scenarios = scenarios;
        this.zone = zone;
    }

    /** Runs the gate over the files of a version that would take effect on {@code day}. */
    public Report run(Map<String, byte[]> files, LocalDate day) {
        RuleSet candidate;
        try {
            candidate = new RuleSetCompiler().compile(files);
        } catch (RuleSetCompilationException e) {
            return new Report(false, e.problems(), new Scenarios(0, 0), new CoverageCount(0, 0), null, null);
        }
        List<RuleProblem> problems = new ArrayList<>();
        checks.check(candidate).forEach(p -> problems.add(locate(candidate, p)));
        QuestionDomains domains = new QuestionDomains(catalogue, candidate);
        TableChecks.Report statics = new TableChecks(candidate, catalogue, domains).run();
        for (TableChecks.Finding f : statics.findings()) {
            String model = f.table().contains("/") ? f.table().substring(0, f.table().indexOf('/')) : f.table();
            if (!IntakeRulesContract.policyModel(model)) {
                continue; // a model only served on /decisions: no intake scenario reaches it
            }
            String firstRow = f.rows().split(" and ")[0].strip();
            String rule = firstRow.equals("-") ? null : model + "#" + firstRow;
            problems.add(new RuleProblem(fileOf(candidate, model), lineOf(candidate, model, firstRow),
                    f.check() + " in " + f.table() + " (rows " + f.rows() + "): " + f.detail(), rule));
        }
        // the suite is decided as on the day the version takes effect (scenarios without asOf)
        RuleSet dated = candidate.served(0, day);
        Clock clock = Clock.fixed(day.atStartOfDay(zone).toInstant(), zone);
        IntakeDecider decider = new IntakeDecider(catalogue, dated, domains, IntakeService.messages("zh"),
                IntakeService.messages("en"), clock);
        ScenarioFiles.Loaded loaded = ScenarioFiles.load(scenarios, catalogue);
        SuiteResult suite = new ScenarioRunner(catalogue, dated, decider).run(loaded.scenarios(), loaded.problems());
        suite.fileProblems().forEach(p -> problems.add(new RuleProblem("scenarios", 0, p)));
        for (ScenarioResult r : suite.results()) {
            if (!r.passed()) {
                for (Failure f : r.failures()) {
                    problems.add(new RuleProblem("scenarios/" + r.file(), 0, "scenario \u201c" + r.name() + "\u201d: "
                            + f.field() + " expected " + f.expected() + ", got " + f.actual()));
                }
            }
        }
        List<String> uncoveredPolicy = suite.coverage().uncovered().stream().filter(r -> inScope(candidate, r)).toList();
        int total = (int) ScenarioRunner.allRules(candidate).stream().filter(r -> inScope(candidate, r)).count();
        for (String uncovered : uncoveredPolicy) {
            problems.add(locate(candidate, new RuleProblem("(coverage)", 0, uncovered
                    + " is fired by no scenario: add a scenario for it (GET /api/scenarios/drafts drafts one)")));
        }
        return new Report(problems.isEmpty(), problems, new Scenarios(suite.passed(), suite.failed()),
                new CoverageCount(total - uncoveredPolicy.size(), total), candidate.version().version(), candidate);
    }

    /**
     * Rows the scenarios must fire: every row of an intake policy model and every DRL rule. A DMN
     * model served only on the decision endpoints (a Kogito example, a district's own calculator)
     * is compiled and served, but intake scenarios cannot reach it.
     */
    static boolean inScope(RuleSet rules, String reference) {
        int hash = reference.indexOf('#');
        String model = hash < 0 ? reference : reference.substring(0, hash);
        return rules.model(model).isEmpty() || IntakeRulesContract.policyModel(model);
    }

    /** A problem that names a row or a table in its text, given the file, line and row it is about. */
    static RuleProblem locate(RuleSet rules, RuleProblem p) {
        if (p.rule() != null || (p.file() != null && p.file().contains("."))) {
            return p;
        }
        Matcher row = ROW.matcher(p.reason());
        if (row.find() && rules.model(row.group(1)).isPresent()) {
            return new RuleProblem(fileOf(rules, row.group(1)), lineOf(rules, row.group(1), row.group(2)), p.reason(),
                    row.group(0));
        }
        if (row.reset().find() && rules.drlRules().flatMap(d -> d.rule(row.group(0))).isPresent()) {
            String name = row.group(2);
            for (Map.Entry<String, byte[]> f : rules.files().entrySet()) {
                if (f.getKey().endsWith(".drl")) {
                    int line = line(f.getValue(), "rule \"" + name + "\"");
                    if (line > 0) {
                        return new RuleProblem(f.getKey(), line, p.reason(), row.group(0));
                    }
                }
            }
        }
        Matcher table = TABLE.matcher(p.reason());
        while (table.find()) {
            if (rules.model(table.group(1)).isPresent()) {
                return new RuleProblem(fileOf(rules, table.group(1)), 0, p.reason(), null);
            }
        }
        return p;
    }

    static String fileOf(RuleSet rules, String model) {
        return rules.model(model).map(DMNModel::getResource).map(r -> r.getSourcePath()).orElse(model + ".dmn");
    }

    /** The line of a row's {@code <rule id="…">} in its file, or 0. */
    static int lineOf(RuleSet rules, String model, String ruleId) {
        byte[] file = rules.files().get(fileOf(rules, model));
        return file == null ? 0 : line(file, "id=\"" + ruleId + "\"");
    }

    private static int line(byte[] file, String needle) {
        String[] lines = new String(file, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }
}
