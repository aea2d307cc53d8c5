package org.onewindow.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onewindow.decision.Answers;
import org.onewindow.decision.DecisionTableInfo;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.TableRow;
import org.onewindow.decision.UnaryTests;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Department;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Matter;
import org.onewindow.guide.MatterMaterial;
import org.onewindow.guide.Theme;
import org.onewindow.intake.Applicant;
import org.onewindow.intake.DecisionInputs;
import org.onewindow.intake.QualityGate;
import org.onewindow.intake.QualityReport;
import org.onewindow.intake.QuestionDomains;

/**
 * Static checks of the decision tables, with the table and rows named:
 * <ul>
 * <li><b>overlap</b> — two rows of a UNIQUE table that some input satisfies both;</li>
 * <li><b>shadowed</b> — a row of a FIRST table that never fires because earlier rows always win;</li>
 * <li><b>gap</b> — inputs no row of a UNIQUE or FIRST table matches (such tables must be complete);</li>
 * <li>the domain invariants of the knowledge-base quality gate.</li>
 * </ul>
 * Where a table reads only the matter, its materials and the applicant (the intake tables), the
 * inputs are the combinations that really occur: every guide, every material row of it, every
 * applicant type and credit status. Otherwise inputs are enumerated per column: the literals and
 * thresholds written in the column, situation columns by the values of the questions they read.
 * Entries are evaluated by the FEEL engine.
 */
public final class TableChecks {

    /** One finding. */
    public record Finding(String check, String table, String rows, String detail) {
    }

    /** All findings and the quality gate; passes when there is nothing to report. */
    public record Report(int tables, List<Finding> findings, QualityReport quality) {

        public boolean passed() {
            return findings.isEmpty() && quality.passed();
        }

        public String text() {
            StringBuilder out = new StringBuilder("Static checks of " + tables + " decision tables\n");
            if (findings.isEmpty()) {
                out.append("  no overlapping, shadowed or missing rows\n");
            }
            findings.forEach(f -> out.append("  ").append(f.check()).append(" ").append(f.table()).append(" rows ")
                    .append(f.rows()).append(": ").append(f.detail()).append('\n'));
            return out.append(quality.text()).toString();
        }
    }

    private static final int MAX_COMBINATIONS = 50_000;
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\"])-?\\d+(?:\\.\\d+)?(?![\\w\"])");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

    private final RuleSet rules;
    private final Catalogue catalogue;
    private final QuestionDomains domains;

    public TableChecks(RuleSet rules, Catalogue catalogue, QuestionDomains domains) {
        this.rules = rules;
        this.catalogue = catalogue;
        this.domains = domains;
    }

    public Report run() {
        List<Finding> findings = new ArrayList<>();
        for (DecisionTableInfo table : rules.tables()) {
            String name = table.model() + "/" + table.decision();
            List<List<Object>> candidates = candidates(table);
            List<List<Object>> combos = realInputs(table);
            if (combos == null) {
                combos = combinations(candidates);
            }
            switch (table.hitPolicy()) {
                case "UNIQUE" -> {
                    overlaps(table, name, candidates, combos, findings);
                    gaps(table, name, combos, findings);
                }
                case "FIRST" -> {
                    shadowed(table, name, combos, findings);
                    gaps(table, name, combos, findings);
                }
                default -> {
                    // COLLECT, RULE ORDER …: rows add up; a situation no row covers is legitimate
                }
            }
        }
        return new Report(rules.tables().size(), findings, new QualityGate(catalogue, rules).run());
    }

    // --- candidates -------------------------------------------------------------------------------

    /** A column's inputs: a plain value, or — for a situation column — a map of answers. */
    private List<List<Object>> candidates(DecisionTableInfo table) {
        List<List<Object>> columns = new ArrayList<>();
        for (int c = 0; c < table.inputExpressions().size(); c++) {
            int column = c;
            List<String> entries = table.rows().stream().map(r -> r.inputEntries().get(column)).toList();
            String question = table.inputQuestions().get(c);
            if (question != null) {
                List<Object> values = new ArrayList<>(domains.of(question));
                values.add(null); // unanswered
                columns.add(values);
            } else if (!Answers.referencedIn(entries).isEmpty()) {
                columns.add(answerAssignments(Answers.referencedIn(entries)));
            } else {
                columns.add(values(table.inputExpressions().get(c), entries));
            }
        }
        return columns;
    }

    private List<Object> answerAssignments(Set<String> questions) {
        List<Map<String, Object>> assignments = new ArrayList<>();
        assignments.add(new HashMap<>());
        for (String q : questions) {
            List<Object> values = new ArrayList<>(domains.of(q));
            values.add(null); // unanswered
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> a : assignments) {
                for (Object v : values) {
                    Map<String, Object> b = new HashMap<>(a);
                    if (v != null) {
                        b.put(q, v);
                    }
                    next.add(b);
                }
            }
            assignments = next;
            if (assignments.size() > MAX_COMBINATIONS) {
                break;
            }
        }
        return new ArrayList<>(assignments);
    }

    private List<Object> values(String expression, List<String> entries) {
        List<Object> known = knownDomain(expression);
        if (known != null) {
            return known;
        }
        Set<Object> values = new LinkedHashSet<>();
        for (String entry : entries) {
            Matcher s = STRING.matcher(entry);
            while (s.find()) {
                values.add(s.group(1));
            }
            String withoutStrings = entry.replaceAll("\"[^\"]*\"", "");
            Matcher n = NUMBER.matcher(withoutStrings);
            while (n.find()) {
                BigDecimal t = new BigDecimal(n.group());
                values.add(t.subtract(BigDecimal.ONE));
                values.add(t);
                values.add(t.add(BigDecimal.ONE));
            }
            if (entry.equals("true") || entry.equals("false")) {
                values.add(Boolean.TRUE);
                values.add(Boolean.FALSE);
            }
            if (entry.contains("null")) {
                values.add(null);
            }
        }
        return new ArrayList<>(values);
    }

    /** The real domain of the inputs intake passes, from the knowledge base. */
    private List<Object> knownDomain(String expression) {
        return switch (expression == null ? "" : expression.trim()) {
            case "Matter.department" -> new ArrayList<>(catalogue.departments().stream().map(Department::code).toList());
            case "Matter.theme" -> new ArrayList<>(catalogue.themes().stream().map(Theme::code).toList());
            case "Matter.code" -> new ArrayList<>(catalogue.matters().stream().map(Matter::code).toList());
            case "Event.code" -> new ArrayList<>(catalogue.events().stream().map(LifeEvent::code).toList());
            case "Applicant.creditStatus" -> new ArrayList<>(List.of("good", "bad", "unknown"));
            case "Applicant.type" -> new ArrayList<>(List.of("person", "enterprise"));
            case "Material.key", "Material.tolerable", "Material.reviewScope" -> new ArrayList<>(List.of(Boolean.TRUE, Boolean.FALSE));
            case "Matter.promisedDays" -> numbers(catalogue.matters().stream().map(Matter::promisedDays)
                    .filter(java.util.Objects::nonNull).toList());
            case "Material.toleranceDays" -> numbers(catalogue.matters().stream().flatMap(m -> m.materials().stream())
                    .map(MatterMaterial::toleranceDays).toList());
            default -> null;
        };
    }

    private static List<Object> numbers(List<Integer> values) {
        List<Object> out = new ArrayList<>();
        out.add(null);
        new TreeSet<>(values.stream().filter(v -> v != null).toList()).forEach(v -> out.add(new BigDecimal(v)));
        return out;
    }

    // --- checks ---------------------------------------------------------------------------------

    private void overlaps(DecisionTableInfo table, String name, List<List<Object>> candidates,
            List<List<Object>> combos, List<Finding> findings) {
        List<TableRow> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                TableRow a = rows.get(i);
                TableRow b = rows.get(j);
                boolean overlap = combos != null
                        ? combos.stream().anyMatch(c -> matchesAll(table, a, c) && matchesAll(table, b, c))
                        : bothMatchSomeInput(table, a, b, candidates);
                if (overlap) {
                    findings.add(new Finding("overlap", name, rows.get(i).id() + " and " + rows.get(j).id(),
                            "both rows match some input of a UNIQUE table"));
                }
            }
        }
    }

    private boolean bothMatchSomeInput(DecisionTableInfo table, TableRow a, TableRow b, List<List<Object>> candidates) {
        for (int c = 0; c < candidates.size(); c++) {
            boolean some = false;
            for (Object value : candidates.get(c)) {
                if (matches(table, a, c, value) && matches(table, b, c, value)) {
                    some = true;
                    break;
                }
            }
            if (!some) {
                return false;
            }
        }
        return true;
    }

    private void shadowed(DecisionTableInfo table, String name, List<List<Object>> combos, List<Finding> findings) {
        if (combos == null) {
            return;
        }
        List<TableRow> rows = table.rows();
        for (int j = 1; j < rows.size(); j++) {
            TableRow row = rows.get(j);
            boolean fires = false;
            for (List<Object> combo : combos) {
                if (matchesAll(table, row, combo) && rows.subList(0, j).stream().noneMatch(r -> matchesAll(table, r, combo))) {
                    fires = true;
                    break;
                }
            }
            if (!fires) {
                findings.add(new Finding("shadowed", name, row.id(),
                        "every input this row matches is taken by an earlier row of a FIRST table"));
            }
        }
    }

    private void gaps(DecisionTableInfo table, String name, List<List<Object>> combos, List<Finding> findings) {
        if (combos == null) {
            return;
        }
        List<String> examples = new ArrayList<>();
        int count = 0;
        for (List<Object> combo : combos) {
            if (table.rows().stream().noneMatch(r -> matchesAll(table, r, combo))) {
                count++;
                if (examples.size() < 5) {
                    examples.add(describe(table, combo));
                }
            }
        }
        if (count > 0) {
            findings.add(new Finding("gap", name, "-", count + " input combination(s) match no row, e.g. "
                    + String.join("; ", examples)));
        }
    }

    private static final Pattern FIELD = Pattern.compile("^(Matter|Material|Applicant)\\.(\\w+)$");

    /**
     * The inputs that really occur, for a table reading only fields of the matter, its materials
     * and the applicant; null for any other table.
     */
    private List<List<Object>> realInputs(DecisionTableInfo table) {
        List<Matcher> fields = new ArrayList<>();
        for (String expression : table.inputExpressions()) {
            Matcher m = FIELD.matcher(expression == null ? "" : expression.trim());
            if (!m.matches()) {
                return null;
            }
            fields.add(m);
        }
        boolean materials = fields.stream().anyMatch(m -> m.group(1).equals("Material"));
        Set<List<Object>> combos = new LinkedHashSet<>();
        for (Matter matter : catalogue.matters()) {
            List<MatterMaterial> rows = materials ? matter.materials() : java.util.Collections.singletonList(null);
            for (MatterMaterial row : rows) {
                for (String type : List.of("person", "enterprise")) {
                    for (String credit : List.of("good", "bad", "unknown")) {
                        Map<String, Map<String, Object>> context = Map.of(
                                "Matter", DecisionInputs.matter(matter),
                                "Material", row == null ? Map.of()
                                        : DecisionInputs.material(row, catalogue.material(row.material()).orElseThrow()),
                                "Applicant", DecisionInputs.applicant(new Applicant(type, null, credit)));
                        List<Object> combo = new ArrayList<>();
                        for (Matcher f : fields) {
                            Object value = context.get(f.group(1)).get(f.group(2));
                            combo.add(value instanceof Integer i ? new BigDecimal(i) : value);
                        }
                        combos.add(combo);
                    }
                }
            }
        }
        return new ArrayList<>(combos);
    }

    private static String describe(DecisionTableInfo table, List<Object> combo) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < combo.size(); c++) {
            parts.add(table.inputExpressions().get(c) + "=" + combo.get(c));
        }
        return String.join(", ", parts);
    }

    private static List<List<Object>> combinations(List<List<Object>> candidates) {
        long total = 1;
        for (List<Object> c : candidates) {
            total *= Math.max(1, c.size());
            if (total > MAX_COMBINATIONS) {
                return null;
            }
        }
        List<List<Object>> combos = new ArrayList<>();
        combos.add(new ArrayList<>());
        for (List<Object> column : candidates) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> combo : combos) {
                for (Object v : column) {
                    List<Object> extended = new ArrayList<>(combo);
                    extended.add(v);
                    next.add(extended);
                }
            }
            combos = next;
        }
        return combos;
    }

    private boolean matchesAll(DecisionTableInfo table, TableRow row, List<Object> combo) {
        for (int c = 0; c < combo.size(); c++) {
            if (!matches(table, row, c, combo.get(c))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(DecisionTableInfo table, TableRow row, int column, Object value) {
        String entry = row.inputEntries().get(column);
        if (value instanceof Map<?, ?> answers) {
            // a situation column: the input expression (true) against the row's condition on the answers
            return UnaryTests.matches(entry, Boolean.TRUE, (Map<String, Object>) answers);
        }
        return UnaryTests.matches(entry, value, Map.of());
    }
}
