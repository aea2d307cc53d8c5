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
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Material;
import org.onewindow.guide.Matter;
import org.onewindow.guide.MatterMaterial;
import org.onewindow.guide.Window;
import org.onewindow.guide.WindowKind;

/**
 * Checks that the knowledge base and the rules agree, so that no matter falls through to a
 * default by accident: every matter routes to exactly one window, every conditional material has
 * its matter's table and a row that requires it, every row has a reason and a legal basis, every
 * code a rule names exists, tolerance never reaches a material that defines the scope of review
 * nor an applicant whose credit is unknown, and every life event's matters are reachable. What
 * the loader already guarantees is re-stated so the report is the whole picture.
 */
public final class QualityGate {

    /** A table larger than this is no longer readable as policy; split it (one table per matter). */
    public static final int MAX_ROWS = 40;

    /**
     * The least share of full guides whose provenance names a real source (a published guide page,
     * a regulation with its article, a published list, a reference guide); below it the build fails.
     */
    public static final double MIN_REAL_SOURCE_SHARE = 0.90;

    /** The check of English texts: reported at run time, refused by the build. */
    public static final String ENGLISH = "english";

    private final Catalogue catalogue;
    private final RuleSet rules;

    public QualityGate(Catalogue catalogue, RuleSet rules) {
        this.catalogue = catalogue;
        this.rules = rules;
    }

    public QualityReport run() {
        QualityReport report = new QualityReport();
        report.add("load", "material, department, theme, window and question references resolve; codes and "
                + "matter names are unique; key and review-scope materials are never tolerable; every tolerable "
                + "material names its source; promised ≤ statutory limits (enforced when the knowledge base loads)",
                false, catalogue.matters().size(), List.of());
        report.add("windows", "every matter routes to exactly one window; tax and police matters only to their "
                + "dedicated windows, no other matter to them", true, catalogue.matters().size(), windowProblems());
        report.add("references", "every matter, material, department, event and question a rule names exists",
                true, rowCount(), referenceProblems());
        report.add("materials", "every matter with conditional materials has one material table (COLLECT, "
                + "question columns, literal true/null outputs), and every conditional material a row that "
                + "requires it", true, conditionalCount(), materialProblems());
        report.add("basis", "every row of every policy table, and every DRL rule, has a reason in Chinese and "
                + "English and a legal basis", true, rowCount(), basisProblems());
        report.add("size", "no decision table has more than " + MAX_ROWS + " rows", true, rules.tables().size(),
                sizeProblems());
        report.add("tolerance", "a material that defines the scope of review is never tolerable, and an applicant "
                + "whose credit is unknown is tolerated only where a row says so explicitly", true,
                conditionalCount(), toleranceProblems());
        report.add("events", "every life event has its table; its matters can be selected by its rows, and every "
                + "row selects a listed matter", true, catalogue.events().size(), eventProblems());
        report.add("provenance", provenanceSummary(), false, fullGuides().size(), provenanceProblems());
        report.add("questions", "every question is read by a rule, and every question a life event lists is "
                + "read by its table", false, catalogue.questions().size(), questionProblems());
        // not blocking at run time (a missing translation must not stop a rule set from serving), but the
        // build refuses it: QualityGateTest fails on any problem of this check
        report.add(ENGLISH, "every text an English page shows of a full guide (name, conditions, fee, result, place, "
                + "hours, material names and conditions) and of the windows, departments, questions and life events "
                + "has its English", false, catalogue.matters().size(), org.onewindow.guide.EnglishTexts.missing(catalogue));
        return report;
    }

    private List<Matter> fullGuides() {
        return catalogue.matters().stream().filter(Matter::fullGuide).toList();
    }

    private long withRealSource() {
        return fullGuides().stream().filter(m -> m.provenance() != null && m.provenance().hasRealSource()).count();
    }

    private String provenanceSummary() {
        long catalogueOnly = catalogue.matters().size() - fullGuides().size();
        return String.format(java.util.Locale.ROOT, "at least %.0f%% of full guides name a real source (a guide page, a "
                + "regulation with its article, a published list, a reference guide): %d of %d (%.1f%%); %d catalogue "
                + "entries without a guide say so (办事指南以窗口告知为准)", MIN_REAL_SOURCE_SHARE * 100, withRealSource(),
                fullGuides().size(), fullGuides().isEmpty() ? 0.0 : 100.0 * withRealSource() / fullGuides().size(),
                catalogueOnly);
    }

    private List<String> provenanceProblems() {
        int guides = fullGuides().size();
        if (guides == 0 || (double) withRealSource() / guides >= MIN_REAL_SOURCE_SHARE) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        problems.add(String.format(java.util.Locale.ROOT, "only %d of %d full guides (%.1f%%) name a real source; at "
                + "least %.0f%% must", withRealSource(), guides, 100.0 * withRealSource() / guides,
                MIN_REAL_SOURCE_SHARE * 100));
        fullGuides().stream().filter(m -> m.provenance() == null || !m.provenance().hasRealSource())
                .forEach(m -> problems.add("matter '" + m.code() + "' (" + m.name() + ") states only the district's "
                        + "own judgement"));
        return problems;
    }

    private int rowCount() {
        return rules.tables().stream().mapToInt(t -> t.rows().size()).sum();
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

    // --- material tables ------------------------------------------------------------------------

    private int conditionalCount() {
        return (int) catalogue.matters().stream().flatMap(m -> m.materials().stream())
                .filter(MatterMaterial::conditional).count();
    }

    private List<DecisionTableInfo> materialTables() {
        return rules.tables().stream().filter(t -> IntakeModels.isMaterialModel(t.model())).toList();
    }

    private List<String> materialProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, List<DecisionTableInfo>> byMatter = new HashMap<>();
        materialTables().forEach(t -> byMatter.computeIfAbsent(t.decision(), k -> new ArrayList<>()).add(t));
        for (Matter matter : catalogue.matters()) {
            List<MatterMaterial> conditional = matter.materials().stream().filter(MatterMaterial::conditional).toList();
            List<DecisionTableInfo> tables = byMatter.getOrDefault(matter.code(), List.of());
            if (tables.size() > 1) {
                problems.add("matter '" + matter.code() + "' has " + tables.size() + " material tables ("
                        + tables.stream().map(DecisionTableInfo::model).toList() + "); keep one");
            }
            if (conditional.isEmpty()) {
                continue;
            }
            if (tables.isEmpty()) {
                problems.add("matter '" + matter.code() + "' has conditional materials but no material table");
                continue;
            }
            DecisionTableInfo table = tables.get(0);
            for (MatterMaterial row : conditional) {
                int column = table.output(row.material());
                if (table.rows().stream().noneMatch(r -> r.outputIsTrue(column))) {
                    problems.add(table.model() + "/" + matter.code() + ": no row requires conditional material '"
                            + row.material() + "' (" + row.condition() + ")");
                }
            }
        }
        for (DecisionTableInfo table : materialTables()) {
            problems.addAll(materialTableShape(table));
        }
        return problems;
    }

    private List<String> materialTableShape(DecisionTableInfo table) {
        List<String> problems = new ArrayList<>();
        String where = table.model() + "/" + table.decision();
        Optional<Matter> matter = catalogue.matter(table.decision());
        if (matter.isEmpty()) {
            return List.of(where + ": the decision must be named by a matter code, and no matter is '"
                    + table.decision() + "'");
        }
        if (!"COLLECT".equals(table.hitPolicy())) {
            problems.add(where + ": hit policy must be COLLECT (each row one situation), not " + table.hitPolicy());
        }
        for (int c = 0; c < table.inputExpressions().size(); c++) {
            if (table.inputQuestions().get(c) == null) {
                problems.add(where + ": input column " + (c + 1) + " must read one question (Answers.<id>), not '"
                        + table.inputExpressions().get(c) + "'");
            }
        }
        for (String output : table.outputNames()) {
            MatterMaterial row = matter.get().material(output);
            if (row == null || !row.conditional()) {
                problems.add(where + ": output '" + output + "' is not a conditional material of the guide");
            }
        }
        for (TableRow row : table.rows()) {
            for (int o = 0; o < row.outputEntries().size(); o++) {
                String entry = row.outputEntries().get(o);
                if (!entry.isEmpty() && !entry.equals("true") && !entry.equals("false") && !entry.equals("null")) {
                    problems.add(table.reference(row) + ": output '" + table.outputNames().get(o)
                            + "' must be true, false or empty, not '" + entry + "'");
                }
            }
        }
        return problems;
    }

    // --- reasons, basis, size -------------------------------------------------------------------

    private List<String> basisProblems() {
        List<String> problems = new ArrayList<>();
        for (DecisionTableInfo table : rules.tables()) {
            if (!IntakeModels.isPolicyModel(table.model())) {
                continue;
            }
            for (TableRow row : table.rows()) {
                List<String> missing = new ArrayList<>();
                for (String annotation : List.of("reason", "reasonEn", "basis")) {
                    if (row.annotation(annotation) == null) {
                        missing.add(annotation);
                    }
                }
                if (!missing.isEmpty()) {
                    problems.add(table.reference(row) + " (" + table.decision() + " row " + row.index() + ") has no "
                            + String.join(", ", missing));
                }
            }
        }
        rules.drlRules().ifPresent(drl -> drl.ruleReferences().forEach(reference -> drl.rule(reference).ifPresent(r -> {
            if (r.reason() == null || r.reasonEn() == null || r.basis() == null) {
                problems.add(reference + " needs @reason, @reasonEn and @basis");
            }
        })));
        return problems;
    }

    private List<String> sizeProblems() {
        return rules.tables().stream().filter(t -> t.rows().size() > MAX_ROWS)
                .map(t -> t.model() + "/" + t.decision() + " has " + t.rows().size() + " rows").toList();
    }

    // --- tolerance ------------------------------------------------------------------------------

    /**
     * Every required material of every guide, run through the tolerance table as a missing material
     * of a good-credit applicant and of one whose credit is unknown: a review-scope material must
     * never come out tolerable, and an unknown-credit applicant only where the row that tolerates
     * names {@code "unknown"} in its credit column.
     */
    private List<String> toleranceProblems() {
        List<String> problems = new ArrayList<>();
        Optional<DecisionTableInfo> table = rules.table(IntakeModels.TOLERANCE_MODEL, IntakeModels.TOLERANCE_DECISION);
        if (table.isEmpty()) {
            return List.of("the tolerance table is missing");
        }
        int credit = table.get().inputExpressions().indexOf("Applicant.creditStatus");
        for (Matter matter : catalogue.matters()) {
            for (MatterMaterial row : matter.materials()) {
                Material material = catalogue.material(row.material()).orElse(null);
                if (material == null) {
                    continue;
                }
                for (String status : List.of("good", "unknown")) {
                    Evaluation eval = rules.evaluate(IntakeModels.TOLERANCE_MODEL, IntakeModels.TOLERANCE_DECISION,
                            Map.of("Applicant", Map.of("type", "person", "creditStatus", status),
                                    "Material", DecisionInputs.material(row, material),
                                    "Matter", DecisionInputs.matter(matter)));
                    if (!eval.errors().isEmpty() || !(eval.result() instanceof Map<?, ?> result)
                            || !Boolean.TRUE.equals(result.get("tolerable"))) {
                        continue;
                    }
                    String where = "matter '" + matter.code() + "', material '" + row.material() + "'";
                    if (material.reviewScope()) {
                        problems.add(where + " defines the scope of review but " + eval.fired().get(0).reference()
                                + " tolerates it");
                    }
                    TableRow fired = table.get().rule(eval.fired().get(0).ruleId()).orElseThrow();
                    if (status.equals("unknown") && (credit < 0 || !fired.inputEntries().get(credit).contains("\"unknown\""))) {
                        problems.add(where + ": " + eval.fired().get(0).reference() + " tolerates an applicant whose "
                                + "credit is unknown without naming \"unknown\" in its credit column");
                    }
                }
            }
        }
        return problems;
    }

    // --- references -----------------------------------------------------------------------------

    private List<String> referenceProblems() {
        List<String> problems = new ArrayList<>();
        rules.table(IntakeModels.DEPARTMENT_MODEL, IntakeModels.DEPARTMENT_DECISION).ifPresent(table -> {
            for (TableRow row : table.rows()) {
                LiteralTests.namedCodes(row.inputEntries().get(0)).stream().filter(c -> catalogue.matter(c).isEmpty())
                        .forEach(c -> problems.add(table.reference(row) + " names unknown matter '" + c + "'"));
                LiteralTests.namedCodes(row.outputEntries().get(0)).stream().filter(c -> catalogue.department(c).isEmpty())
                        .forEach(c -> problems.add(table.reference(row) + " names unknown department '" + c + "'"));
            }
        });
        for (DecisionTableInfo table : eventTables()) {
            if (catalogue.event(table.decision()).isEmpty()) {
                problems.add(IntakeModels.EVENT_MODEL + "/" + table.decision() + " is named after no life event");
            }
            for (TableRow row : table.rows()) {
                LiteralTests.namedCodes(row.outputEntries().get(0)).stream().filter(c -> catalogue.matter(c).isEmpty())
                        .forEach(c -> problems.add(table.reference(row) + " names unknown matter '" + c + "'"));
            }
        }
        for (DecisionTableInfo table : materialTables()) {
            table.outputNames().stream().filter(c -> catalogue.material(c).isEmpty()).forEach(c -> problems.add(
                    table.model() + "/" + table.decision() + " has an output for unknown material '" + c + "'"));
        }
        questionsRead().forEach((q, where) -> {
            if (catalogue.question(q).isEmpty()) {
                problems.add("rules read Answers." + q + " (" + String.join(", ", where) + ") but there is no such question");
            }
        });
        return problems;
    }

    // --- life events ----------------------------------------------------------------------------

    private List<DecisionTableInfo> eventTables() {
        return rules.tables().stream().filter(t -> t.model().equals(IntakeModels.EVENT_MODEL)).toList();
    }

    private List<String> eventProblems() {
        List<String> problems = new ArrayList<>();
        for (LifeEvent event : catalogue.events()) {
            Optional<DecisionTableInfo> table = rules.table(IntakeModels.EVENT_MODEL, event.code());
            if (table.isEmpty()) {
                problems.add("event '" + event.code() + "' has no table in " + IntakeModels.EVENT_MODEL);
                continue;
            }
            Set<String> selectable = new HashSet<>();
            table.get().rows().forEach(r -> selectable.addAll(LiteralTests.namedCodes(r.outputEntries().get(0))));
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
        for (LifeEvent event : catalogue.events()) {
            Set<String> read = new HashSet<>();
            rules.table(IntakeModels.EVENT_MODEL, event.code()).ifPresent(t -> t.rows().forEach(r -> read.addAll(r.questions())));
            event.questions().stream().filter(q -> !read.contains(q)).forEach(q -> problems.add("event '"
                    + event.code() + "' lists question '" + q + "' but none of its rows reads it"));
        }
        return problems;
    }

    /** Every question id the rules read, with where: {@code model#rule}. */
    private Map<String, Set<String>> questionsRead() {
        Map<String, Set<String>> readBy = new HashMap<>();
        for (DecisionTableInfo table : rules.tables()) {
            for (TableRow row : table.rows()) {
                for (String q : row.questions()) {
                    readBy.computeIfAbsent(q, k -> new TreeSet<>()).add(table.reference(row));
                }
            }
            for (String q : Answers.referencedIn(table.inputExpressions())) {
                readBy.computeIfAbsent(q, k -> new TreeSet<>()).add(table.model() + "/" + table.decision());
            }
        }
        return readBy;
    }
}
