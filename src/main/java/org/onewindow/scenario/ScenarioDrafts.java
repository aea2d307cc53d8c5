package org.onewindow.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.onewindow.decision.DecisionTableInfo;
import org.onewindow.decision.LiteralTests;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.TableRow;
import org.onewindow.decision.UnaryTests;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Matter;
import org.onewindow.guide.MatterMaterial;
import org.onewindow.intake.Applicant;
import org.onewindow.intake.DecisionInputs;
import org.onewindow.intake.QuestionDomains;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Drafts a scenario for each rule no scenario fires: a real matter (or life event) the row applies
 * to, answers that make its situation true, and the expectation the row itself states (the
 * material required or not asked, the matter selected, the department in parallel, the window,
 * tolerable or not). A tester reviews the drafts — in a spreadsheet, as CSV — before they join the
 * suite: a draft says what the row does, only a person can say that it is right.
 */
public final class ScenarioDrafts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] CREDITS = {"good", "bad"};

    private final RuleSet rules;
    private final Catalogue catalogue;
    private final QuestionDomains domains;

    public ScenarioDrafts(RuleSet rules, Catalogue catalogue, QuestionDomains domains) {
        this.rules = rules;
        this.catalogue = catalogue;
        this.domains = domains;
    }

    /** Drafts for the given uncovered rule references ({@code model#ruleId}). */
    public List<Scenario> draft(List<String> uncovered) {
        List<Scenario> drafts = new ArrayList<>();
        for (String reference : uncovered) {
            int hash = reference.indexOf('#');
            if (hash < 0) {
                continue;
            }
            String model = reference.substring(0, hash);
            String ruleId = reference.substring(hash + 1);
            // DRL rules (Unit#rule) match no table: they need a bundle a person designs
            rules.tables().stream().filter(t -> t.model().equals(model) && t.rule(ruleId).isPresent()).findFirst()
                    .flatMap(t -> draft(t, t.rule(ruleId).get(), reference)).ifPresent(drafts::add);
        }
        return drafts;
    }

    private Optional<Scenario> draft(DecisionTableInfo table, TableRow row, String reference) {
        if (table.model().startsWith("materials-")) {
            return material(table, row, reference);
        }
        return switch (table.model()) {
            case "life-event-matters" -> event(table, row, reference);
            case "department-routing" -> department(table, row, reference);
            case "window-routing" -> window(table, row, reference);
            case "tolerance-policy" -> tolerance(table, row, reference);
            default -> Optional.empty();
        };
    }

    /** The matter of the table, answers that make the row fire, and the materials it requires. */
    private Optional<Scenario> material(DecisionTableInfo table, TableRow row, String reference) {
        Matter matter = catalogue.matter(table.decision()).orElse(null);
        Optional<Map<String, Object>> answers = satisfying(table, row);
        if (matter == null || answers.isEmpty()) {
            return Optional.empty();
        }
        List<String> required = new ArrayList<>();
        for (int o = 0; o < table.outputNames().size(); o++) {
            if (row.outputIsTrue(o)) {
                required.add(table.outputNames().get(o));
            }
        }
        String condition = required.stream().map(matter::material).filter(java.util.Objects::nonNull)
                .map(MatterMaterial::condition).distinct().reduce((a, b) -> a + "；" + b).orElse("");
        return Optional.of(scenario(reference, matter.code() + "：" + condition + " → 须提交 " + String.join(" ", required),
                situation(matter.code(), null, answers.get(), null),
                expect(null, null, null, required, null, null, null)));
    }

    private Optional<Scenario> event(DecisionTableInfo table, TableRow row, String reference) {
        LifeEvent event = catalogue.event(table.decision()).orElse(null);
        Optional<Map<String, Object>> answers = satisfying(table, row);
        if (event == null || answers.isEmpty()) {
            return Optional.empty();
        }
        Set<String> selected = new TreeSet<>();
        for (TableRow r : table.rows()) {
            if (matchesAnswers(table, r, answers.get())) {
                selected.addAll(LiteralTests.namedCodes(r.outputEntries().get(0)));
            }
        }
        return Optional.of(scenario(reference, event.name() + "：" + single(row.outputEntries().get(0)),
                situation(null, event.code(), answers.get(), null),
                expect(null, null, null, null, null, List.copyOf(selected), null)));
    }

    private Optional<Scenario> department(DecisionTableInfo table, TableRow row, String reference) {
        for (Matter matter : catalogue.matters()) {
            if (!UnaryTests.matches(row.inputEntries().get(0), matter.code(), Map.of())) {
                continue;
            }
            Optional<Map<String, Object>> answers = satisfying(table, row);
            if (answers.isEmpty()) {
                continue;
            }
            String role = single(row.outputEntries().get(1));
            String department = row.outputEntries().get(0).startsWith("\"") ? single(row.outputEntries().get(0))
                    : matter.department();
            Expectations expect = "lead".equals(role)
                    ? new Expectations(null, department, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                    : new Expectations(null, null, List.of(department), null, null, null, null, null, null, null, null, null, null, null, null, null);
            return Optional.of(scenario(reference, matter.name() + "：" + department + " " + role,
                    situation(matter.code(), null, answers.get(), null), expect));
        }
        return Optional.empty();
    }

    private Optional<Scenario> window(DecisionTableInfo table, TableRow row, String reference) {
        for (Matter matter : catalogue.matters()) {
            Map<String, Object> ctx = DecisionInputs.matter(matter);
            if (matchesContext(table, row, Map.of("Matter", ctx))) {
                String window = single(row.outputEntries().get(0));
                return Optional.of(scenario(reference, matter.name() + " → " + window,
                        situation(matter.code(), null, Map.of(), null),
                        new Expectations(window, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)));
            }
        }
        return Optional.empty();
    }

    /** A required material of a real guide, and a credit status, for which this is the first row that matches. */
    private Optional<Scenario> tolerance(DecisionTableInfo table, TableRow row, String reference) {
        for (Matter matter : catalogue.matters()) {
            for (MatterMaterial material : matter.materials()) {
                if (material.conditional()) {
                    continue;
                }
                for (String credit : CREDITS) {
                    Map<String, Map<String, Object>> ctx = Map.of("Matter", DecisionInputs.matter(matter),
                            "Material", DecisionInputs.material(material,
                                    catalogue.material(material.material()).orElseThrow()),
                            "Applicant", DecisionInputs.applicant(new Applicant("enterprise", null, credit)));
                    TableRow first = table.rows().stream().filter(r -> matchesContext(table, r, ctx)).findFirst().orElse(null);
                    if (first != row) {
                        continue;
                    }
                    boolean tolerable = "true".equals(row.outputEntries().get(0));
                    Map<String, Integer> days = new LinkedHashMap<>();
                    days.put(material.material(), null);
                    Expectations expect = new Expectations(null, null, null, null, null, null, null, null,
                            tolerable ? days : null, tolerable ? null : List.of(material.material()), null, null, null, null, null, null);
                    ObjectNode applicant = JSON.objectNode().put("type", "enterprise").put("creditStatus", credit);
                    return Optional.of(scenario(reference, matter.name() + "：" + material.material()
                            + (tolerable ? " 可容缺" : " 不可容缺") + "（信用 " + credit + "）",
                            situation(matter.code(), null, Map.of(), applicant), expect));
                }
            }
        }
        return Optional.empty();
    }

    // --- helpers ---------------------------------------------------------------------------------

    /**
     * Answers (from the question domains) under which the row's question columns and any FEEL
     * condition it holds are all true: a value per question column, then combinations for the rest.
     */
    private Optional<Map<String, Object>> satisfying(DecisionTableInfo table, TableRow row) {
        Map<String, Object> fixed = new HashMap<>();
        for (int c = 0; c < row.inputEntries().size(); c++) {
            String question = table.inputQuestions().get(c);
            String entry = row.inputEntries().get(c);
            if (question == null || entry.equals("-")) {
                continue;
            }
            Optional<Object> value = domains.of(question).stream().filter(v -> UnaryTests.matches(entry, v, Map.of()))
                    .findFirst();
            if (value.isEmpty()) {
                return Optional.empty();
            }
            fixed.put(question, value.get());
        }
        List<String> rest = row.questions().stream().filter(q -> !fixed.containsKey(q)).toList();
        List<Map<String, Object>> assignments = new ArrayList<>();
        assignments.add(fixed);
        for (String q : rest) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> a : assignments) {
                for (Object v : domains.of(q)) {
                    Map<String, Object> b = new HashMap<>(a);
                    b.put(q, v);
                    next.add(b);
                }
            }
            assignments = next;
        }
        return assignments.stream().filter(a -> matchesAnswers(table, row, a)).findFirst();
    }

    /** Whether every entry of the row that reads answers holds for these answers. */
    private static boolean matchesAnswers(DecisionTableInfo table, TableRow row, Map<String, Object> answers) {
        for (int c = 0; c < row.inputEntries().size(); c++) {
            String question = table.inputQuestions().get(c);
            String entry = row.inputEntries().get(c);
            if (question != null) {
                if (!UnaryTests.matches(entry, answers.get(question), answers)) {
                    return false;
                }
            } else if (!org.onewindow.decision.Answers.referencedIn(List.of(entry)).isEmpty()
                    && !UnaryTests.matches(entry, Boolean.TRUE, answers)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesContext(DecisionTableInfo table, TableRow row, Map<String, Map<String, Object>> ctx) {
        for (int c = 0; c < row.inputEntries().size(); c++) {
            String[] path = table.inputExpressions().get(c).trim().split("\\.");
            Object value = path.length == 2 && ctx.containsKey(path[0]) ? ctx.get(path[0]).get(path[1]) : null;
            if (value instanceof Integer i) {
                value = new BigDecimal(i);
            }
            if (!UnaryTests.matches(row.inputEntries().get(c), value, Map.of())) {
                return false;
            }
        }
        return true;
    }

    private static String single(String entry) {
        List<String> codes = LiteralTests.namedCodes(entry);
        return codes.isEmpty() ? entry : codes.get(0);
    }

    private static Expectations expect(String window, String lead, List<String> parallel, List<String> materials,
            List<String> absent, List<String> matters, Map<String, Integer> tolerable) {
        return new Expectations(window, lead, parallel, matters, materials, absent, null, null, tolerable, null, null, null, null, null, null, null);
    }

    private static ObjectNode situation(String matter, String event, Map<String, Object> answers, ObjectNode applicant) {
        ObjectNode s = JSON.objectNode();
        if (matter != null) {
            s.set("matters", JSON.arrayNode().add(matter));
        }
        if (event != null) {
            s.put("event", event);
        }
        if (!answers.isEmpty()) {
            ObjectNode a = s.putObject("answers");
            new TreeSet<>(answers.keySet()).forEach(k -> a.set(k, json(answers.get(k))));
        }
        if (applicant != null) {
            s.set("applicant", applicant);
        }
        return s;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(Object value) {
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof BigDecimal n) {
            return JSON.numberNode(n);
        }
        return JSON.textNode(String.valueOf(value));
    }

    private static Scenario scenario(String reference, String name, ObjectNode situation, Expectations expect) {
        return new Scenario(name, "draft for " + reference, "(draft)", situation, null, expect);
    }
}
