package org.onewindow.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onewindow.decision.DecisionTableInfo;
import org.onewindow.decision.Evaluation;
import org.onewindow.decision.FiredRow;
import org.onewindow.decision.LiteralTests;
import org.onewindow.decision.LiveRows;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.TableRow;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Material;
import org.onewindow.guide.Matter;
import org.onewindow.guide.MatterMaterial;
import org.onewindow.intake.MatterDecision.MaterialDecision;
import org.onewindow.platform.Messages;

/**
 * Decides one matter alone: its window (window routing), its departments (department routing and
 * the guide's co-departments), which conditional materials its own table requires, and for every
 * required material whether it may be supplied later (tolerance policy). Only the matter's own
 * material table is evaluated.
 */
final class MatterRules {

    /** Evaluates a decision, reporting fired rows for coverage and failing on any engine error. */
    interface Evaluator {
        Evaluation evaluate(String model, String decision, Map<String, Object> inputs);

        /**
         * As {@link #evaluate}, for a decision whose inputs are fixed by {@code key} within one
         * knowledge-base and rule-set version (a matter's window, a material's tolerance for an
         * applicant type and credit status): the evaluator may answer it from an earlier evaluation.
         */
        default Evaluation evaluateOnce(List<Object> key, String model, String decision,
                java.util.function.Supplier<Map<String, Object>> inputs) {
            return evaluate(model, decision, inputs.get());
        }
    }

    /** How a conditional material stands: required by a fired row, not needed, or pending (with the live rows). */
    private record Requirement(Boolean required, FiredRow row, List<TableRow> candidates, DecisionTableInfo table) {
    }

    private final Catalogue catalogue;
    private final RuleSet rules;
    private final QuestionDomains domains;
    private final Messages zh;
    private final Messages en;
    private final Evaluator engine;

    MatterRules(Catalogue catalogue, RuleSet rules, QuestionDomains domains, Messages zh, Messages en,
            Evaluator engine) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.domains = domains;
        this.zh = zh;
        this.en = en;
        this.engine = engine;
    }

    MatterDecision decide(Matter matter, Situation s, DecisionTrail trail) {
        Map<String, Object> matterCtx = DecisionInputs.matter(matter);
        Evaluation window = engine.evaluateOnce(List.of(IntakeModels.WINDOW_MODEL, matter.code()),
                IntakeModels.WINDOW_MODEL, IntakeModels.WINDOW_DECISION, () -> Map.of("Matter", matterCtx));
        if (!window.matched()) {
            throw new RuleGapException("no window-routing row matches matter '" + matter.code() + "' (department "
                    + matter.department() + ", theme " + matter.theme() + ")");
        }
        trail.fired(window.fired(), matter, null);
        Map<String, Requirement> requirements = requirements(matter, s, trail);
        List<MaterialDecision> materials = new ArrayList<>(matter.materials().size());
        for (MatterMaterial row : matter.materials()) {
            materials.add(material(matter, matterCtx, row, requirements.get(row.material()), s, trail));
        }
        return new MatterDecision(matter, String.valueOf(window.result()), departments(matter, matterCtx, s, trail),
                materials);
    }

    /** The matter's own material table, if it has conditional materials. */
    static java.util.Optional<DecisionTableInfo> materialTable(RuleSet rules, String matter) {
        return rules.tablesNamed(matter).stream().filter(t -> IntakeModels.isMaterialModel(t.model())).findFirst();
    }

    /**
     * One evaluation of the matter's own table decides its conditional materials: a material is
     * needed when a fired row says so; not needed when no row that needs it can still fire for the
     * answers given; otherwise pending the questions of those live rows.
     */
    private Map<String, Requirement> requirements(Matter matter, Situation s, DecisionTrail trail) {
        Map<String, Requirement> decided = new LinkedHashMap<>();
        if (matter.materials().stream().noneMatch(MatterMaterial::conditional)) {
            return decided;
        }
        DecisionTableInfo table = materialTable(rules, matter.code()).orElseThrow(() -> new RuleGapException(
                "matter '" + matter.code() + "' has conditional materials but no material table"));
        Evaluation eval = engine.evaluate(table.model(), table.decision(), Map.of("Answers", s.answers()));
        Map<String, FiredRow> requiredBy = requiredBy(table, eval);
        for (MatterMaterial row : matter.materials()) {
            if (!row.conditional()) {
                continue;
            }
            FiredRow fired = requiredBy.get(row.material());
            if (fired != null) {
                decided.put(row.material(), new Requirement(true, fired, List.of(), table));
                continue;
            }
            int column = table.output(row.material());
            List<TableRow> live = table.rows().stream().filter(r -> r.outputIsTrue(column))
                    .filter(r -> LiveRows.live(table, r, s.answers(), domains::of)).toList();
            decided.put(row.material(), new Requirement(live.isEmpty() ? Boolean.FALSE : null, null, live, table));
        }
        return decided;
    }

    /** The first fired row that sets each material's output to true (COLLECT: one result per fired row). */
    private static Map<String, FiredRow> requiredBy(DecisionTableInfo table, Evaluation eval) {
        Map<String, FiredRow> requiredBy = new LinkedHashMap<>();
        List<?> results = eval.result() instanceof List<?> list ? list : List.of();
        if (results.size() != eval.fired().size()) {
            throw new RuleGapException("material table " + table.model() + "/" + table.decision() + " returned "
                    + results.size() + " results for " + eval.fired().size() + " fired rows; it must be COLLECT without aggregation");
        }
        for (int i = 0; i < results.size(); i++) {
            Object result = results.get(i);
            for (String material : table.outputNames()) {
                Object value = result instanceof Map<?, ?> outputs ? outputs.get(material) : result;
                if (Boolean.TRUE.equals(value)) {
                    requiredBy.putIfAbsent(material, eval.fired().get(i));
                }
            }
        }
        return requiredBy;
    }

    private List<DepartmentRole> departments(Matter matter, Map<String, Object> matterCtx, Situation s,
            DecisionTrail trail) {
        Evaluation eval = engine.evaluate(IntakeModels.DEPARTMENT_MODEL, IntakeModels.DEPARTMENT_DECISION,
                Map.of("Matter", matterCtx, "Answers", s.answers()));
        trail.fired(eval.fired(), matter, null);
        rules.table(IntakeModels.DEPARTMENT_MODEL, IntakeModels.DEPARTMENT_DECISION).ifPresent(table -> trail.pending(
                table, LiteralTests.candidateRows(table, Map.of(0, matter.code())), s.answers(), "departments"));
        List<DepartmentRole> roles = new ArrayList<>();
        if (eval.result() instanceof Collection<?> assignments) {
            int i = 0;
            for (Object a : assignments) {
                Map<?, ?> assignment = (Map<?, ?>) a;
                String code = String.valueOf(assignment.get("department"));
                FiredRow row = i < eval.fired().size() ? eval.fired().get(i) : null;
                i++;
                var department = catalogue.department(code).orElseThrow(
                        () -> new RuleGapException("department-routing names unknown department '" + code + "'"));
                roles.add(new DepartmentRole(department.code(), department.name(), department.nameEn(),
                        String.valueOf(assignment.get("role")), List.of(matter.code()),
                        row == null ? null : row.reason(), row == null ? null : row.reasonEn()));
            }
        }
        for (String co : matter.coDepartments()) {
            catalogue.department(co).ifPresent(d -> roles.add(new DepartmentRole(d.code(), d.name(), d.nameEn(),
                    DepartmentRole.PARALLEL, List.of(matter.code()), zh.reason_co_department(),
                    en.reason_co_department())));
        }
        return roles;
    }

    private MaterialDecision material(Matter matter, Map<String, Object> matterCtx, MatterMaterial row,
            Requirement requirement, Situation s, DecisionTrail trail) {
        Material material = catalogue.material(row.material()).orElseThrow();
        Boolean required = Boolean.TRUE;
        String reason = zh.reason_required_by_guide();
        String reasonEn = en.reason_required_by_guide();
        String basis = row.basis() != null ? row.basis() : matter.primaryBasis();
        if (row.conditional()) {
            DecisionTableInfo table = requirement.table();
            required = requirement.required();
            if (Boolean.TRUE.equals(required)) {
                FiredRow fired = requirement.row();
                trail.fired(List.of(fired), matter, row.material(), basis);
                reason = fired.reason();
                reasonEn = fired.reasonEn();
                basis = fired.basis() != null ? fired.basis() : basis;
            } else if (required == null) {
                reason = zh.reason_pending(row.condition());
                reasonEn = en.reason_pending(row.condition());
                trail.pending(table, requirement.candidates(), s.answers(), row.material());
            } else {
                reason = zh.reason_not_needed(row.condition());
                reasonEn = en.reason_not_needed(row.condition());
                trail.derived(table, matter, row.material(), reason, reasonEn, basis);
            }
        }
        boolean tolerable = false;
        Integer deadline = null;
        FiredRow toleranceRow = null;
        if (Boolean.TRUE.equals(required)) {
            // the inputs are the matter, the material row and the applicant's type and credit status
            Evaluation eval = engine.evaluateOnce(List.of(IntakeModels.TOLERANCE_MODEL, matter.code(), row.material(),
                    String.valueOf(s.applicant().type()), String.valueOf(s.applicant().creditStatus())),
                    IntakeModels.TOLERANCE_MODEL, IntakeModels.TOLERANCE_DECISION,
                    () -> Map.of("Applicant", DecisionInputs.applicant(s.applicant()),
                            "Material", DecisionInputs.material(row, material), "Matter", matterCtx));
            trail.fired(eval.fired(), matter, row.material(), basis);
            if (eval.result() instanceof Map<?, ?> tolerance) {
                tolerable = Boolean.TRUE.equals(tolerance.get("tolerable"));
                deadline = tolerance.get("deadlineDays") instanceof Number n ? n.intValue() : null;
            }
            toleranceRow = eval.fired().isEmpty() ? null : eval.fired().get(0);
        }
        return new MaterialDecision(row, material, required, tolerable && deadline != null && deadline > 0,
                deadline, reason, reasonEn, basis, toleranceRow);
    }
}
