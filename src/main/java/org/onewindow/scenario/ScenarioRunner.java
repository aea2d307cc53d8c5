package org.onewindow.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.onewindow.decision.DecisionTableInfo;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.TableRow;
import org.onewindow.guide.Catalogue;
import org.onewindow.intake.DepartmentRole;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.intake.MaterialItem;
import org.onewindow.intake.MatterSummary;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.PendingQuestion;
import org.onewindow.intake.Precheck;
import org.onewindow.intake.Situation;
import org.onewindow.intake.SituationReader;

/**
 * Runs scenarios through the same decider the intake API uses — one engine for the build, the API,
 * the page and the command line — compares each outcome with its expectations and records which
 * table rows and DRL rules fired, for coverage.
 */
public final class ScenarioRunner {

    private final Catalogue catalogue;
    private final RuleSet rules;
    private final IntakeDecider decider;

    public ScenarioRunner(Catalogue catalogue, RuleSet rules, IntakeDecider decider) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.decider = decider;
    }

    public SuiteResult run(List<Scenario> scenarios, List<String> fileProblems) {
        List<ScenarioResult> results = new ArrayList<>();
        Set<String> fired = new TreeSet<>();
        for (Scenario scenario : scenarios) {
            ScenarioResult result = run(scenario);
            fired.addAll(result.fired());
            results.add(result);
        }
        int passed = (int) results.stream().filter(ScenarioResult::passed).count();
        return new SuiteResult(passed, results.size() - passed, results, coverage(fired), fileProblems);
    }

    public ScenarioResult run(Scenario scenario) {
        Set<String> fired = new LinkedHashSet<>();
        if (scenario.situation().has("departmentDecisions")) {
            return rollUp(scenario, fired);
        }
        try {
            Situation situation = new SituationReader(catalogue).read(scenario.situation());
            IntakeDecider recording = decider.withCoverage(row -> fired.add(row.reference()));
            Outcome outcome = recording.decide(situation);
            List<Failure> failures = new ArrayList<>(scenario.expect() == null ? List.of() : compare(scenario.expect(), outcome));
            if (scenario.have() != null) {
                Precheck check = recording.check(outcome, scenario.have());
                String expected = scenario.expect() == null ? null : scenario.expect().completeness();
                if (expected != null && !expected.equals(check.outcome())) {
                    failures.add(new Failure("completeness", expected, check.outcome() + " (missing "
                            + check.missing().stream().map(MaterialItem::code).toList() + ")"));
                }
            }
            return new ScenarioResult(scenario.name(), scenario.file(), failures.isEmpty(), failures, List.copyOf(fired));
        } catch (InvalidInputException e) {
            return new ScenarioResult(scenario.name(), scenario.file(), false,
                    List.of(new Failure("situation." + e.field(), "a valid situation", e.getMessage())), List.of());
        } catch (RuntimeException e) {
            return new ScenarioResult(scenario.name(), scenario.file(), false,
                    List.of(new Failure("evaluation", "an outcome", e.getClass().getSimpleName() + ": " + e.getMessage())),
                    List.copyOf(fired));
        }
    }

    /** A scenario about the department-decisions table: task statuses in, the application's result out. */
    private ScenarioResult rollUp(Scenario scenario, Set<String> fired) {
        List<String> statuses = new ArrayList<>();
        scenario.situation().get("departmentDecisions").forEach(n -> statuses.add(n.asText()));
        try {
            String result = decider.withCoverage(row -> fired.add(row.reference())).result(statuses).result();
            String expected = scenario.expect() == null ? null : scenario.expect().result();
            List<Failure> failures = expected != null && !expected.equals(result)
                    ? List.of(new Failure("result", expected, result)) : List.of();
            return new ScenarioResult(scenario.name(), scenario.file(), failures.isEmpty(), failures, List.copyOf(fired));
        } catch (RuntimeException e) {
            return new ScenarioResult(scenario.name(), scenario.file(), false,
                    List.of(new Failure("evaluation", "a result", e.getClass().getSimpleName() + ": " + e.getMessage())),
                    List.copyOf(fired));
        }
    }

    /** Every DMN row ({@code model#ruleId}) and DRL rule ({@code Unit#rule}) of the rule set. */
    public static List<String> allRules(RuleSet rules) {
        List<String> all = new ArrayList<>();
        for (DecisionTableInfo table : rules.tables()) {
            for (TableRow row : table.rows()) {
                all.add(table.reference(row));
            }
        }
        rules.drlRules().ifPresent(b -> all.addAll(b.ruleReferences()));
        return all;
    }

    private Coverage coverage(Set<String> fired) {
        List<String> all = allRules(rules);
        List<String> uncovered = all.stream().filter(r -> !fired.contains(r)).toList();
        return new Coverage(all.size(), all.size() - uncovered.size(), uncovered);
    }

    static List<Failure> compare(Expectations e, Outcome o) {
        List<Failure> failures = new ArrayList<>();
        if (e.window() != null && !e.window().equals(o.window().code())) {
            failures.add(new Failure("window", e.window(), o.window().code()));
        }
        String lead = o.departments().stream().filter(d -> d.role().equals(DepartmentRole.LEAD))
                .map(DepartmentRole::code).findFirst().orElse(null);
        if (e.lead() != null && !e.lead().equals(lead)) {
            failures.add(new Failure("lead", e.lead(), String.valueOf(lead)));
        }
        List<String> parallel = o.departments().stream().filter(d -> d.role().equals(DepartmentRole.PARALLEL))
                .map(DepartmentRole::code).toList();
        missing("parallel", e.parallel(), parallel, failures);
        if (e.matters() != null) {
            Set<String> actual = new TreeSet<>(o.matters().stream().map(MatterSummary::code).toList());
            if (!actual.equals(new TreeSet<>(e.matters()))) {
                failures.add(new Failure("matters", new TreeSet<>(e.matters()).toString(), actual.toString()));
            }
        }
        List<String> required = o.materials().stream().filter(MaterialItem::required).map(MaterialItem::code).toList();
        List<String> pendingMaterials = o.materials().stream().filter(MaterialItem::pending).map(MaterialItem::code).toList();
        List<String> produced = o.materials().stream().filter(m -> m.producedBy() != null).map(MaterialItem::code).toList();
        missing("materials", e.materials(), required, failures);
        missing("pendingMaterials", e.pendingMaterials(), pendingMaterials, failures);
        missing("producedInside", e.producedInside(), produced, failures);
        if (e.absent() != null) {
            for (String code : e.absent()) {
                if (required.contains(code) || pendingMaterials.contains(code)) {
                    failures.add(new Failure("absent", code + " not asked for",
                            code + (required.contains(code) ? " required" : " pending")));
                }
            }
        }
        Map<String, Integer> tolerable = new java.util.LinkedHashMap<>();
        o.tolerable().forEach(t -> tolerable.put(t.code(), t.deadlineDays()));
        if (e.tolerable() != null) {
            e.tolerable().forEach((code, days) -> {
                if (!tolerable.containsKey(code)) {
                    failures.add(new Failure("tolerable", code + (days == null ? "" : ":" + days), "not tolerable"));
                } else if (days != null && !days.equals(tolerable.get(code))) {
                    failures.add(new Failure("tolerable." + code, days + " days", tolerable.get(code) + " days"));
                }
            });
        }
        if (e.forms() != null) {
            e.forms().forEach((code, form) -> o.materials().stream().filter(m -> m.code().equals(code)).findFirst()
                    .ifPresentOrElse(m -> {
                        if (!form.equals(m.form())) {
                            failures.add(new Failure("forms." + code, form, m.form()));
                        }
                    }, () -> failures.add(new Failure("forms." + code, form, "not listed"))));
        }
        if (e.originals() != null) {
            e.originals().forEach((code, n) -> o.materials().stream().filter(m -> m.code().equals(code)).findFirst()
                    .ifPresentOrElse(m -> {
                        if (m.originals() != n) {
                            failures.add(new Failure("originals." + code, String.valueOf(n), String.valueOf(m.originals())));
                        }
                    }, () -> failures.add(new Failure("originals." + code, String.valueOf(n), "not listed"))));
        }
        if (e.notTolerable() != null) {
            e.notTolerable().stream().filter(tolerable::containsKey).forEach(code -> failures.add(
                    new Failure("notTolerable", code + " not tolerable", code + ":" + tolerable.get(code))));
        }
        if (e.pending() != null) {
            Set<String> actual = new TreeSet<>(o.pendingQuestions().stream().map(PendingQuestion::id).toList());
            if (!actual.equals(new TreeSet<>(e.pending()))) {
                failures.add(new Failure("pending", new TreeSet<>(e.pending()).toString(), actual.toString()));
            }
        }
        if (e.notice() != null) {
            for (String fragment : e.notice()) {
                if (!o.notice().contains(fragment) && !o.noticeEn().contains(fragment)) {
                    failures.add(new Failure("notice", "contains \"" + fragment + "\"", "absent"));
                }
            }
        }
        return failures;
    }

    private static void missing(String field, List<String> expected, List<String> actual, List<Failure> failures) {
        if (expected == null) {
            return;
        }
        for (String code : expected) {
            if (!actual.contains(code)) {
                failures.add(new Failure(field, code, actual.toString()));
            }
        }
    }

}
