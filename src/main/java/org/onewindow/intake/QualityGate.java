package org.onewindow.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.onewindow.decision.Answers;
import org.onewindow.decision.DecisionTableInfo;
import org.onewindow.decision.Evaluation;
import org.onewindow.decision.LiteralTests;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.TableRow;
import org.onewindow.decision.UnaryTests;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Matter;
import org.onewindow.guide.MatterMaterial;
import org.onewindow.guide.Window;
import org.onewindow.guide.WindowKind;

/**
 * Checks that the knowledge base and the rules agree, so that no matter falls through to a
 * default by accident: every matter routes to exactly one window (tax and police matters to their
 * dedicated windows), every conditional material has the rows that decide it, every question the
 * rules read exists and every question is used, every life event's matters are reachable. What the
 * loader already guarantees (references, duplicates, key ≠ tolerable, promised ≤ statutory) is
 * re-stated here so the report is the whole picture.
 */
public final class QualityGate {

    private final Catalogue catalogue;
    private final RuleSet rules;

    public QualityGate(Catalogue catalogue, RuleSet rules) {
        this.catalogue = catalogue;
        this.rules = rules;
    }

    public QualityReport run() {
        QualityReport report = new QualityReport();
        report.add("load", "material, department, theme, window and question references resolve; codes and "
                + "matter names are unique; key materials are never tolerable; promised ≤ statutory limits "
                + "(enforced when the knowledge base loads)", false, catalogue.matters().size(), List.of());
        report.add("windows", "every matter routes to exactly one window; tax and police matters only to their "
                + "dedicated windows, no other matter to them", true, catalogue.matters().size(), windowProblems());
        report.add("references", "every matter, material, department, event and question a rule names exists",
                true, rules.tables().stream().mapToInt(t -> t.rows().size()).sum(), referenceProblems());
        report.add("conflicts", "no two rows can decide the same material of a matter differently for the same answers",
                true, conditionalCount(), conflictProblems());
        report.add("materials", "every conditional material has a row that requires it and one that releases it",
                false, conditionalCount(), materialProblems());
        report.add("events", "every life event's matters can be selected by its rows, and every row belongs "
                + "to a listed matter", false, catalogue.events().size(), eventProblems());
        report.add("questions", "every question is read by a rule, and every question a life event lists is "
                + "read by its rows", false, catalogue.questions().size(), questionProblems());
        return report;
    }

    // --- windows --------------------------------------------------------------------------------

    private List<String> windowProblems() {
        List<String> problems = new ArrayList<>();
        for (Matter matter : catalogue.matters()) {
            Evaluation eval = rules.evaluate(IntakeModels.WINDOW_MODEL, IntakeModels.WINDOW_DECISION,
                    Map.of("Matter", DecisionInputs.matter(matter)));
            String where = "matter '" + matter.code() + "' (department " + matter.department() + ", theme "
                    + matter.theme() + ")";
            if (!eval.errors().isEmpty()) {
                problems.add(where + ": " + String.join("; ", eval.errors()));
                continue;
            }
            if (!eval.matched()) {
                problems.add(where + " routes to no window");
                continue;
            }
            if (eval.fired().size() != 1) {
                problems.add(where + " matches " + eval.fired().size() + " window rows");
            }
            String code = String.valueOf(eval.result());
            Optional<Window> window = catalogue.window(code);
            if (window.isEmpty()) {
                problems.add(where + " routes to unknown window '" + code + "'");
                continue;
            }
            Optional<Window> own = catalogue.windows().stream()
                    .filter(w -> w.kind() == WindowKind.DEDICATED && matter.department().equals(w.department()))
                    .findFirst();
            if (own.isPresent() && !own.get().code().equals(code)) {
                problems.add(where + " belongs to the dedicated window '" + own.get().code() + "' but routes to '"
                        + code + "'");
            }
            if (own.isEmpty() && window.get().kind() == WindowKind.DEDICATED) {
                problems.add(where + " routes to dedicated window '" + code + "' of department "
                        + window.get().department());
            }
        }
        return problems;
    }

    // --- materials ------------------------------------------------------------------------------

    private int conditionalCount() {
        return (int) catalogue.matters().stream().flatMap(m -> m.materials().stream())
                .filter(MatterMaterial::conditional).count();
    }

    private List<String> materialProblems() {
        List<String> problems = new ArrayList<>();
        Optional<DecisionTableInfo> table = table(IntakeModels.MATERIAL_MODEL, IntakeModels.MATERIAL_DECISION);
        for (Matter matter : catalogue.matters()) {
            for (MatterMaterial row : matter.materials()) {
                if (!row.conditional()) {
                    continue;
                }
                List<TableRow> rows = table.map(t -> LiteralTests.candidateRows(t, Map.of(0, matter.code())).stream()
                        .filter(r -> LiteralTests.mayMatch(r.outputEntries().get(0), row.material())).toList())
                        .orElse(List.of());
                boolean requires = rows.stream().anyMatch(r -> "true".equals(r.outputEntries().get(1)));
                boolean releases = rows.stream().anyMatch(r -> "false".equals(r.outputEntries().get(1)));
                if (!requires || !releases) {
                    problems.add("matter '" + matter.code() + "', conditional material '" + row.material()
                            + "' (" + row.condition() + ") has no row that " + (requires ? "releases" : "requires") + " it");
                }
            }
        }
        return problems;
    }

    /**
     * Two rows that require and release the same material of the same matter, and that some
     * answers satisfy both, would fail a request at the window; they are refused at publish.
     */
    private List<String> conflictProblems() {
        List<String> problems = new ArrayList<>();
        Optional<DecisionTableInfo> table = table(IntakeModels.MATERIAL_MODEL, IntakeModels.MATERIAL_DECISION);
        if (table.isEmpty()) {
            return problems;
        }
        QuestionDomains domains = new QuestionDomains(catalogue, rules);
        for (Matter matter : catalogue.matters()) {
            for (MatterMaterial material : matter.materials()) {
                if (!material.conditional()) {
                    continue;
                }
                List<TableRow> rows = LiteralTests.candidateRows(table.get(), Map.of(0, matter.code())).stream()
                        .filter(r -> LiteralTests.mayMatch(r.outputEntries().get(0), material.material())).toList();
                for (TableRow requires : rows.stream().filter(r -> "true".equals(r.outputEntries().get(1))).toList()) {
                    for (TableRow releases : rows.stream().filter(r -> "false".equals(r.outputEntries().get(1))).toList()) {
                        Map<String, Object> both = bothFire(requires, releases, domains);
                        if (both != null) {
                            problems.add("matter '" + matter.code() + "', material '" + material.material() + "': rows "
                                    + requires.index() + " and " + releases.index() + " both fire for answers " + both);
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** Answers (from the question domains) under which both rows' situation entries hold, or null. */
    private static Map<String, Object> bothFire(TableRow a, TableRow b, QuestionDomains domains) {
        Set<String> union = new TreeSet<>(a.questions());
        union.addAll(b.questions());
        List<String> questions = new ArrayList<>(union);
        List<Map<String, Object>> assignments = new ArrayList<>();
        assignments.add(new HashMap<>());
        for (String q : questions) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : assignments) {
                for (Object value : domains.of(q)) {
                    Map<String, Object> extended = new HashMap<>(partial);
                    extended.put(q, value);
                    next.add(extended);
                }
            }
            assignments = next;
        }
        for (Map<String, Object> answers : assignments) {
            if (UnaryTests.matches(a.inputEntries().get(1), Boolean.TRUE, answers)
                    && UnaryTests.matches(b.inputEntries().get(1), Boolean.TRUE, answers)) {
                return answers;
            }
        }
        return null;
    }

    private List<String> referenceProblems() {
        List<String> problems = new ArrayList<>();
        references(IntakeModels.MATERIAL_MODEL, IntakeModels.MATERIAL_DECISION, "matter",
                c -> catalogue.matter(c).isPresent(), "material", c -> catalogue.material(c).isPresent(), problems);
        references(IntakeModels.DEPARTMENT_MODEL, IntakeModels.DEPARTMENT_DECISION, "matter",
                c -> catalogue.matter(c).isPresent(), "department", c -> catalogue.department(c).isPresent(), problems);
        references(IntakeModels.EVENT_MODEL, IntakeModels.EVENT_DECISION, "event",
                c -> catalogue.event(c).isPresent(), "matter", c -> catalogue.matter(c).isPresent(), problems);
        questionsRead().forEach((q, where) -> {
            if (catalogue.question(q).isEmpty()) {
                problems.add("rules read Answers." + q + " (" + String.join(", ", where) + ") but there is no such question");
            }
        });
        return problems;
    }

    /** Codes named in the first input column and the first output column of an intake table. */
    private void references(String model, String decision, String inputKind, java.util.function.Predicate<String> inputExists,
            String outputKind, java.util.function.Predicate<String> outputExists, List<String> problems) {
        table(model, decision).ifPresent(table -> {
            for (TableRow row : table.rows()) {
                String where = model + "#" + row.index();
                LiteralTests.namedCodes(row.inputEntries().get(0)).stream().filter(inputExists.negate())
                        .forEach(c -> problems.add(where + " names unknown " + inputKind + " '" + c + "'"));
                LiteralTests.namedCodes(row.outputEntries().get(0)).stream().filter(outputExists.negate())
                        .forEach(c -> problems.add(where + " names unknown " + outputKind + " '" + c + "'"));
            }
        });
    }

    // --- life events ----------------------------------------------------------------------------

    private List<String> eventProblems() {
        List<String> problems = new ArrayList<>();
        Optional<DecisionTableInfo> found = table(IntakeModels.EVENT_MODEL, IntakeModels.EVENT_DECISION);
        if (found.isEmpty()) {
            return List.of("the decision table " + IntakeModels.EVENT_MODEL + " is missing");
        }
        DecisionTableInfo table = found.get();
        for (LifeEvent event : catalogue.events()) {
            List<TableRow> rows = LiteralTests.candidateRows(table, Map.of(0, event.code()));
            Set<String> selectable = new HashSet<>();
            rows.forEach(r -> selectable.addAll(LiteralTests.namedCodes(r.outputEntries().get(0))));
            for (String matter : event.matters()) {
                if (!selectable.contains(matter)) {
                    problems.add("event '" + event.code() + "': matter '" + matter + "' is listed but no row selects it");
                }
            }
            for (String matter : selectable) {
                if (!event.matters().contains(matter)) {
                    problems.add("event '" + event.code() + "': a row selects '" + matter + "', which the event does not list");
                }
            }
        }
        return problems;
    }

    // --- questions ------------------------------------------------------------------------------

    private List<String> questionProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> readBy = questionsRead();
        catalogue.questions().stream().filter(q -> !readBy.containsKey(q.id()))
                .forEach(q -> problems.add("question '" + q.id() + "' is read by no rule"));
        table(IntakeModels.EVENT_MODEL, IntakeModels.EVENT_DECISION).ifPresent(table -> {
            for (LifeEvent event : catalogue.events()) {
                Set<String> read = new HashSet<>();
                LiteralTests.candidateRows(table, Map.of(0, event.code())).forEach(r -> read.addAll(r.questions()));
                event.questions().stream().filter(q -> !read.contains(q)).forEach(q -> problems.add("event '"
                        + event.code() + "' lists question '" + q + "' but none of its rows reads it"));
            }
        });
        return problems;
    }

    /** Every question id the rules read, with where: {@code model#row}. */
    private Map<String, Set<String>> questionsRead() {
        Map<String, Set<String>> readBy = new HashMap<>();
        for (DecisionTableInfo table : rules.tables()) {
            for (TableRow row : table.rows()) {
                for (String q : row.questions()) {
                    readBy.computeIfAbsent(q, k -> new TreeSet<>()).add(table.model() + "#" + row.index());
                }
            }
            for (String q : Answers.referencedIn(table.inputExpressions())) {
                readBy.computeIfAbsent(q, k -> new TreeSet<>()).add(table.model());
            }
        }
        return readBy;
    }

    private Optional<DecisionTableInfo> table(String model, String decision) {
        return rules.table(model, decision);
    }
}
