package org.onewindow.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.onewindow.decision.BundleOutcome;
import org.onewindow.decision.Evaluation;
import org.onewindow.decision.FiredRow;
import org.onewindow.decision.LiteralTests;
import org.onewindow.decision.LiveRows;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.TableRow;
import org.onewindow.decision.facts.BundleNote;
import org.onewindow.decision.facts.BundledMatter;
import org.onewindow.decision.facts.MaterialDemand;
import org.onewindow.decision.facts.MergedMaterial;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Material;
import org.onewindow.guide.Matter;
import org.onewindow.guide.MatterMaterial;
import org.onewindow.guide.Window;
import org.onewindow.guide.WindowKind;
import org.onewindow.platform.Messages;

/**
 * Decides one situation against one catalogue and one rule set. Pure: no database, no HTTP, no
 * clock except the default decision date — which is what lets benchmarks, scenarios and the
 * interview reuse it. Intake logic is orchestration only; every policy choice is a table row or a
 * DRL rule, reported in the explanation.
 */
public final class IntakeDecider {

    private final Catalogue catalogue;
    private final RuleSet rules;
    private final Messages zh;
    private final Messages en;
    private final QuestionDomains domains;
    private final java.util.function.Consumer<FiredRow> coverage;

    public IntakeDecider(Catalogue catalogue, RuleSet rules, QuestionDomains domains, Messages zh, Messages en) {
        this(catalogue, rules, domains, zh, en, row -> { });
    }

    private IntakeDecider(Catalogue catalogue, RuleSet rules, QuestionDomains domains, Messages zh, Messages en,
            java.util.function.Consumer<FiredRow> coverage) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.domains = domains;
        this.zh = zh;
        this.en = en;
        this.coverage = coverage;
    }

    /** The same decider, also reporting every row and DRL rule that fires (for rule coverage). */
    public IntakeDecider withCoverage(java.util.function.Consumer<FiredRow> listener) {
        return new IntakeDecider(catalogue, rules, domains, zh, en, coverage.andThen(listener));
    }

    /** Evaluates a decision and reports its fired rows to the coverage listener. */
    private Evaluation evaluate(String model, String decision, Map<String, Object> inputs) {
        Evaluation eval = rules.evaluate(model, decision, inputs);
        eval.fired().forEach(coverage);
        return eval;
    }

    /** What one matter's tables decided for one of its materials. */
    private record MaterialDecision(MatterMaterial row, Material material, Boolean required, boolean tolerable,
            Integer deadlineDays, String reason, String reasonEn, String basis, FiredRow toleranceRow) {
    }

    /** What the tables decided for one matter. */
    private record MatterDecision(Matter matter, String window, List<DepartmentRole> departments,
            List<MaterialDecision> materials) {
    }

    public Outcome decide(Situation situation) {
        return decide(situation, Set.of());
    }

    /**
     * Decides a situation for an applicant whose shared material library holds {@code library}
     * (material codes, still valid): those required materials are marked "we already have these".
     */
    public Outcome decide(Situation situation, Set<String> library) {
        LocalDate asOf = situation.asOf() != null ? situation.asOf() : LocalDate.now();
        if (asOf.isBefore(rules.version().effectiveFrom())) {
            throw new InvalidInputException("asOf", "no rule set is in force on " + asOf
                    + "; the serving rules apply from " + rules.version().effectiveFrom());
        }
        Trail trail = new Trail(catalogue, domains);
        LifeEvent event = situation.event() == null ? null : catalogue.event(situation.event()).orElseThrow();
        List<Matter> matters = event == null
                ? situation.matters().stream().map(code -> catalogue.matter(code).orElseThrow()).toList()
                : eventMatters(event, situation, trail);
        List<MatterDecision> decided = matters.stream().map(m -> decideMatter(m, situation, trail)).toList();

        List<String> notes = new ArrayList<>();
        List<MaterialItem> materials = fromLibrary(materials(decided, notes, trail), library);
        List<ToleranceItem> tolerable = tolerable(materials, decided);
        List<MatterSummary> summaries = decided.stream().map(this::summary).toList();
        Window window = window(event, decided);
        List<DepartmentRole> departments = departments(event, decided, window);

        String notice = new NoticeWriter(zh, false).write(window, summaries, materials, tolerable, notes);
        String noticeEn = new NoticeWriter(en, true).write(window, summaries, materials, tolerable, List.of());
        return new Outcome(windowChoice(window, event, decided, trail), departments, materials, tolerable,
                trail.pendingQuestions(), notice, noticeEn, trail.explanations(),
                new RuleSetRef(rules.version().version(), rules.version().name(), rules.version().effectiveFrom()),
                catalogue.version(), summaries, event == null ? null : event.code(), asOf, null, null);
    }

    /**
     * Judges completeness with the DRL completeness rules: every required material of the outcome is
     * at hand ({@code have}) or missing; a missing material is tolerable when the outcome says so.
     * The caller says what is at hand — the kiosk counts the shared-library items as such
     * ({@link Outcome#libraryCodes()}), the desk counts what its checklist says.
     */
    public Precheck check(Outcome outcome, java.util.Collection<String> have) {
        Set<String> tolerableCodes = new java.util.HashSet<>();
        outcome.tolerable().forEach(t -> tolerableCodes.add(t.code()));
        List<org.onewindow.decision.facts.ChecklistItem> checklist = new ArrayList<>();
        List<MaterialItem> missing = new ArrayList<>();
        for (MaterialItem m : outcome.materials()) {
            if (!m.required()) {
                continue;
            }
            boolean absent = !have.contains(m.code());
            checklist.add(new org.onewindow.decision.facts.ChecklistItem(m.code(), m.key(), tolerableCodes.contains(m.code()),
                    absent));
            if (absent) {
                missing.add(m);
            }
        }
        org.onewindow.decision.CompletenessOutcome verdict = rules.drlRules()
                .orElseThrow(() -> new RuleGapException("the completeness rules (DRL) are missing")).check(checklist);
        verdict.fired().forEach(coverage);
        List<ToleranceItem> later = outcome.tolerable().stream().filter(t -> !have.contains(t.code())).toList();
        List<MaterialItem> mustBring = missing.stream().filter(m -> !tolerableCodes.contains(m.code())).toList();
        FiredRow rule = verdict.fired().isEmpty() ? null : verdict.fired().get(0);
        return new Precheck(verdict.outcome(), missing, later, mustBring, rule == null ? null : rule.reason(),
                rule == null ? null : rule.reasonEn());
    }

    // --- life event: which of its matters apply ---------------------------------------------

    private List<Matter> eventMatters(LifeEvent event, Situation s, Trail trail) {
        Evaluation eval = evaluate(IntakeModels.EVENT_MODEL, IntakeModels.EVENT_DECISION,
                Map.of("Event", DecisionInputs.event(event), "Answers", s.answers()));
        trail.fired(eval.fired(), null, null);
        Set<String> selected = new LinkedHashSet<>();
        if (eval.result() instanceof Collection<?> codes) {
            codes.forEach(c -> selected.add(String.valueOf(c)));
        }
        rules.table(IntakeModels.EVENT_MODEL, IntakeModels.EVENT_DECISION).ifPresent(table -> trail.pending(
                LiteralTests.candidateRows(table, Map.of(0, event.code())), s.answers(), "event:" + event.code()));
        // keep the event's own order, so the notice lists matters in the order they are handled
        return event.matters().stream().filter(selected::contains)
                .map(code -> catalogue.matter(code).orElseThrow()).toList();
    }

    // --- one matter -----------------------------------------------------------------------------

    private MatterDecision decideMatter(Matter matter, Situation s, Trail trail) {
        Map<String, Object> matterCtx = DecisionInputs.matter(matter);
        Evaluation window = evaluate(IntakeModels.WINDOW_MODEL, IntakeModels.WINDOW_DECISION,
                Map.of("Matter", matterCtx));
        if (!window.matched()) {
            throw new RuleGapException("no window-routing row matches matter '" + matter.code() + "' (department "
                    + matter.department() + ", theme " + matter.theme() + ")");
        }
        trail.fired(window.fired(), matter, null);
        Map<String, Requirement> requirements = requirements(matter, matterCtx, s);
        return new MatterDecision(matter, String.valueOf(window.result()), departments(matter, matterCtx, s, trail),
                matter.materials().stream()
                        .map(row -> decideMaterial(matter, matterCtx, row, requirements.get(row.material()), s, trail))
                        .toList());
    }

    /** A conditional material decided by a table row. */
    private record Requirement(boolean required, FiredRow row) {
    }

    /**
     * One evaluation decides every conditional material of the matter: each row that fires decides
     * one material. Rows about materials this guide does not list conditionally (generic rows for
     * other guides) are ignored; two rows deciding the same material differently is a rule gap.
     */
    private Map<String, Requirement> requirements(Matter matter, Map<String, Object> matterCtx, Situation s) {
        Map<String, Requirement> decided = new LinkedHashMap<>();
        if (matter.materials().stream().noneMatch(MatterMaterial::conditional)) {
            return decided;
        }
        Evaluation eval = evaluate(IntakeModels.MATERIAL_MODEL, IntakeModels.MATERIAL_DECISION,
                Map.of("Matter", matterCtx, "Answers", s.answers()));
        if (!(eval.result() instanceof List<?> results)) {
            return decided;
        }
        for (int i = 0; i < results.size() && i < eval.fired().size(); i++) {
            Map<?, ?> result = (Map<?, ?>) results.get(i);
            String material = String.valueOf(result.get("material"));
            MatterMaterial row = matter.material(material);
            if (row == null || !row.conditional()) {
                continue;
            }
            Requirement requirement = new Requirement(Boolean.TRUE.equals(result.get("required")), eval.fired().get(i));
            Requirement other = decided.putIfAbsent(material, requirement);
            if (other != null && other.required() != requirement.required()) {
                throw new RuleGapException("material-requirements rows " + other.row().reference() + " and "
                        + requirement.row().reference() + " disagree on '" + material + "' for matter '"
                        + matter.code() + "'");
            }
        }
        return decided;
    }

    private List<DepartmentRole> departments(Matter matter, Map<String, Object> matterCtx, Situation s, Trail trail) {
        Evaluation eval = evaluate(IntakeModels.DEPARTMENT_MODEL, IntakeModels.DEPARTMENT_DECISION,
                Map.of("Matter", matterCtx, "Answers", s.answers()));
        trail.fired(eval.fired(), matter, null);
        rules.table(IntakeModels.DEPARTMENT_MODEL, IntakeModels.DEPARTMENT_DECISION).ifPresent(table -> trail.pending(
                LiteralTests.candidateRows(table, Map.of(0, matter.code())), s.answers(), "departments"));
        List<DepartmentRole> roles = new ArrayList<>();
        if (eval.result() instanceof Collection<?> assignments) {
            int i = 0;
            for (Object a : assignments) {
                Map<?, ?> assignment = (Map<?, ?>) a;
                String code = String.valueOf(assignment.get("department"));
                FiredRow row = i < eval.fired().size() ? eval.fired().get(i) : null;
                i++;
                catalogue.department(code).ifPresentOrElse(
                        d -> roles.add(new DepartmentRole(d.code(), d.name(), d.nameEn(),
                                String.valueOf(assignment.get("role")), List.of(matter.code()),
                                row == null ? null : row.reason(), row == null ? null : row.reasonEn())),
                        () -> {
                            throw new RuleGapException("department-routing names unknown department '" + code + "'");
                        });
            }
        }
        for (String co : matter.coDepartments()) {
            catalogue.department(co).ifPresent(d -> roles.add(new DepartmentRole(d.code(), d.name(), d.nameEn(),
                    DepartmentRole.PARALLEL, List.of(matter.code()), zh.reason_co_department(),
                    en.reason_co_department())));
        }
        return roles;
    }

    private MaterialDecision decideMaterial(Matter matter, Map<String, Object> matterCtx, MatterMaterial row,
            Requirement requirement, Situation s, Trail trail) {
        Material material = catalogue.material(row.material()).orElseThrow();
        Map<String, Object> materialCtx = DecisionInputs.material(row);
        Boolean required = Boolean.TRUE;
        String reason = zh.reason_required_by_guide();
        String reasonEn = en.reason_required_by_guide();
        String basis = row.basis() != null ? row.basis() : matter.primaryBasis();
        if (row.conditional() && requirement != null) {
            FiredRow fired = requirement.row();
            trail.fired(List.of(fired), matter, row.material(), basis);
            required = requirement.required();
            reason = fired.reason();
            reasonEn = fired.reasonEn();
            basis = fired.basis() != null ? fired.basis() : basis;
        } else if (row.conditional()) {
            required = null;
            reason = zh.reason_pending(row.condition());
            reasonEn = en.reason_pending(row.condition());
            rules.table(IntakeModels.MATERIAL_MODEL, IntakeModels.MATERIAL_DECISION).ifPresent(table -> trail.pending(
                    LiteralTests.candidateRows(table, Map.of(0, matter.code())).stream()
                            .filter(r -> LiteralTests.mayMatch(r.outputEntries().get(0), row.material())).toList(),
                    s.answers(), row.material()));
        }
        boolean tolerable = false;
        Integer deadline = null;
        FiredRow toleranceRow = null;
        if (Boolean.TRUE.equals(required)) {
            Evaluation eval = evaluate(IntakeModels.TOLERANCE_MODEL, IntakeModels.TOLERANCE_DECISION,
                    Map.of("Applicant", DecisionInputs.applicant(s.applicant()), "Material", materialCtx,
                            "Matter", matterCtx));
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

    // --- the whole intake ----------------------------------------------------------------------

    private List<MaterialItem> materials(List<MatterDecision> decided, List<String> notes, Trail trail) {
        Map<String, MergedMaterial> merged = new LinkedHashMap<>();
        List<MaterialDemand> demands = new ArrayList<>();
        for (MatterDecision d : decided) {
            for (MaterialDecision m : d.materials()) {
                if (Boolean.TRUE.equals(m.required())) {
                    demands.add(new MaterialDemand(d.matter().code(), m.row().material(), true, m.row().key(),
                            m.tolerable(), m.deadlineDays()));
                }
            }
        }
        if (decided.size() > 1) {
            // a bundle: the DRL rules merge duplicates and see what the bundle produces itself
            BundleOutcome bundle = rules.drlRules().orElseThrow(
                    () -> new RuleGapException("a bundle of matters needs the DRL bundle rules")).run(facts(decided, demands));
            bundle.materials().forEach(m -> merged.put(m.getMaterial(), m));
            bundle.fired().forEach(coverage);
            trail.fired(bundle.fired(), null, null);
            bundle.notes().stream().map(BundleNote::getText).distinct().forEach(notes::add);
        } else {
            // a single matter has nothing to merge: each demand is its own line
            for (MaterialDemand demand : demands) {
                MergedMaterial line = new MergedMaterial(demand.getMaterial());
                line.absorb(demand);
                merged.put(demand.getMaterial(), line);
            }
        }
        return lines(decided, merged);
    }

    private List<Object> facts(List<MatterDecision> decided, List<MaterialDemand> demands) {
        List<Object> facts = new ArrayList<>(demands);
        for (MatterDecision d : decided) {
            Window w = catalogue.window(d.window()).orElseThrow();
            facts.add(new BundledMatter(d.matter().code(), d.matter().name(),
                    d.matter().result() == null ? null : d.matter().result().material(), w.code(),
                    w.kind() == WindowKind.DEDICATED));
        }
        return facts;
    }

    private List<MaterialItem> lines(List<MatterDecision> decided, Map<String, MergedMaterial> merged) {
        Map<String, MaterialItem> lines = new LinkedHashMap<>();
        for (MatterDecision d : decided) {
            for (MaterialDecision m : d.materials()) {
                String code = m.row().material();
                MergedMaterial line = merged.get(code);
                if (lines.containsKey(code) || (line == null && m.required() != null)) {
                    continue; // already listed, or decided not needed
                }
                lines.put(code, line != null ? item(m, line, decided) : pendingItem(m, d.matter()));
            }
        }
        // a pending line is dropped when another matter needs the same material anyway
        lines.values().removeIf(item -> item.pending() && merged.containsKey(item.code()));
        return List.copyOf(lines.values());
    }

    private MaterialItem item(MaterialDecision first, MergedMaterial line, List<MatterDecision> decided) {
        String producedBy = line.getProducedBy();
        String reason = first.reason();
        String reasonEn = first.reasonEn();
        if (producedBy != null) {
            String producer = decided.stream().map(MatterDecision::matter).filter(m -> m.code().equals(producedBy))
                    .map(Matter::name).findFirst().orElse(producedBy);
            reason = zh.reason_produced(producer);
            reasonEn = en.reason_produced(producer);
        }
        int copies = decided.stream().flatMap(d -> d.materials().stream())
                .filter(m -> m.row().material().equals(line.getMaterial())).mapToInt(m -> m.row().copies()).max().orElse(0);
        return new MaterialItem(line.getMaterial(), first.material().name(), first.material().nameEn(),
                first.row().title(), line.isRequired(), line.isKey(), line.isTolerable(), false, false,
                first.row().conditional() ? first.row().condition() : null, first.row().form().label(),
                first.row().originals(), copies, line.isTolerable() ? line.getDeadlineDays() : null, producedBy,
                line.getMatters(), reason, reasonEn, first.basis());
    }

    /** Required materials the library holds are not brought again (and never tolerated: they are there). */
    private static List<MaterialItem> fromLibrary(List<MaterialItem> materials, Set<String> library) {
        if (library.isEmpty()) {
            return materials;
        }
        return materials.stream().map(m -> !m.required() || m.producedBy() != null || !library.contains(m.code()) ? m
                : new MaterialItem(m.code(), m.name(), m.nameEn(), m.title(), true, m.key(), false, true, false,
                        m.condition(), m.form(), m.originals(), m.copies(), null, null, m.matters(), m.reason(),
                        m.reasonEn(), m.basis())).toList();
    }

    private MaterialItem pendingItem(MaterialDecision m, Matter matter) {
        return new MaterialItem(m.row().material(), m.material().name(), m.material().nameEn(), m.row().title(),
                false, m.row().key(), false, false, true, m.row().condition(), m.row().form().label(),
                m.row().originals(), m.row().copies(), null, null, List.of(matter.code()), m.reason(), m.reasonEn(),
                m.basis());
    }

    private List<ToleranceItem> tolerable(List<MaterialItem> materials, List<MatterDecision> decided) {
        List<ToleranceItem> items = new ArrayList<>();
        for (MaterialItem item : materials) {
            if (!item.required() || !item.tolerable() || item.deadlineDays() == null) {
                continue;
            }
            // the row that allowed the earliest deadline is the one the applicant is held to
            FiredRow rule = decided.stream().flatMap(d -> d.materials().stream())
                    .filter(m -> m.row().material().equals(item.code()) && m.tolerable()
                            && item.deadlineDays().equals(m.deadlineDays()))
                    .map(MaterialDecision::toleranceRow).filter(Objects::nonNull).findFirst().orElseThrow();
            items.add(new ToleranceItem(item.code(), item.name(), item.nameEn(), item.deadlineDays(), item.matters(),
                    rule.reason(), rule.reasonEn(), rule.basis()));
        }
        return items;
    }

    /**
     * The window that receives the intake: a life event's lead window; otherwise — 一窗受理 — the
     * comprehensive window that receives most of the matters (the first listed on a tie), the
     * others being forwarded; a dedicated window only when every matter belongs to one.
     */
    private Window window(LifeEvent event, List<MatterDecision> decided) {
        if (event != null) {
            return catalogue.window(event.leadWindow()).orElseThrow(() -> new RuleGapException("no window decided"));
        }
        Map<String, Long> comprehensive = new LinkedHashMap<>();
        for (MatterDecision d : decided) {
            catalogue.window(d.window()).filter(w -> w.kind() == WindowKind.COMPREHENSIVE)
                    .ifPresent(w -> comprehensive.merge(w.code(), 1L, Long::sum));
        }
        String code = comprehensive.entrySet().stream()
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a).map(Map.Entry::getKey)
                .orElse(decided.get(0).window());
        return catalogue.window(code).orElseThrow(() -> new RuleGapException("no window decided"));
    }

    private WindowChoice windowChoice(Window w, LifeEvent event, List<MatterDecision> decided, Trail trail) {
        String reason;
        String reasonEn;
        if (event != null) {
            reason = zh.reason_event_window(event.name());
            reasonEn = en.reason_event_window(event.nameEn() != null ? event.nameEn() : event.name());
        } else {
            String matter = decided.stream().filter(d -> d.window().equals(w.code())).map(d -> d.matter().code())
                    .findFirst().orElse(decided.get(0).matter().code());
            Explanation first = trail.first(IntakeModels.WINDOW_MODEL, matter);
            reason = first == null ? null : first.reason();
            reasonEn = first == null ? null : first.reasonEn();
        }
        return new WindowChoice(w.code(), w.name(), w.nameEn(), w.counter(), reason, reasonEn);
    }

    /**
     * One lead for the whole intake — the life event's lead department, or the lead of the first
     * matter the receiving window handles — and
     * every other department working in parallel, each listed once with the matters it works on.
     */
    private List<DepartmentRole> departments(LifeEvent event, List<MatterDecision> decided, Window window) {
        Map<String, DepartmentRole> roles = new LinkedHashMap<>();
        String lead;
        if (event != null) {
            lead = event.leadDepartment();
            catalogue.department(lead).ifPresent(d -> roles.put(d.code(), new DepartmentRole(d.code(), d.name(),
                    d.nameEn(), DepartmentRole.LEAD, List.of(), zh.reason_event_department(event.name()),
                    en.reason_event_department(event.nameEn() != null ? event.nameEn() : event.name()))));
        } else {
            // the lead is the lead of the first matter the receiving window handles
            MatterDecision first = decided.stream().filter(d -> d.window().equals(window.code())).findFirst()
                    .orElse(decided.get(0));
            lead = first.departments().stream().filter(r -> r.role().equals(DepartmentRole.LEAD))
                    .map(DepartmentRole::code).findFirst().orElse(null);
        }
        for (MatterDecision d : decided) {
            for (DepartmentRole r : d.departments()) {
                roles.merge(r.code(), roleInIntake(r, lead, d.matter()), IntakeDecider::mergeRoles);
            }
        }
        return List.copyOf(roles.values());
    }

    /** A matter's own lead becomes a parallel department when another department leads the intake. */
    private DepartmentRole roleInIntake(DepartmentRole r, String lead, Matter matter) {
        if (r.code().equals(lead) || !r.role().equals(DepartmentRole.LEAD)) {
            return r;
        }
        return new DepartmentRole(r.code(), r.name(), r.nameEn(), DepartmentRole.PARALLEL, r.matters(),
                zh.reason_bundle_department(matter.name()),
                en.reason_bundle_department(matter.nameEn() != null ? matter.nameEn() : matter.name()));
    }

    /** The first reason given for a department stands; its matters accumulate; lead wins over parallel. */
    private static DepartmentRole mergeRoles(DepartmentRole a, DepartmentRole b) {
        List<String> matters = new ArrayList<>(a.matters());
        b.matters().stream().filter(m -> !matters.contains(m)).forEach(matters::add);
        String role = a.role().equals(DepartmentRole.LEAD) || b.role().equals(DepartmentRole.LEAD)
                ? DepartmentRole.LEAD : DepartmentRole.PARALLEL;
        return new DepartmentRole(a.code(), a.name(), a.nameEn(), role, List.copyOf(matters),
                Objects.requireNonNullElse(a.reason(), b.reason()), Objects.requireNonNullElse(a.reasonEn(), b.reasonEn()));
    }

    private MatterSummary summary(MatterDecision d) {
        Matter m = d.matter();
        return new MatterSummary(m.code(), m.name(), m.nameEn(), d.window(), m.department(), m.timeLimit().promised(),
                m.timeLimit().statutory(), m.fee() == null ? null : m.fee().description(),
                m.result() == null ? null : m.result().name());
    }

    /** Collects explanations and unanswered questions while the tables are consulted. */
    static final class Trail {
        private final Catalogue catalogue;
        private final QuestionDomains domains;
        private final List<Explanation> explanations = new ArrayList<>();
        private final Set<String> seen = new LinkedHashSet<>();
        private final Map<String, Set<String>> pending = new LinkedHashMap<>();

        Trail(Catalogue catalogue, QuestionDomains domains) {
            this.catalogue = catalogue;
            this.domains = domains;
        }

        void fired(List<FiredRow> rows, Matter matter, String fallbackBasis) {
            fired(rows, matter, null, fallbackBasis);
        }

        void fired(List<FiredRow> rows, Matter matter, String material, String fallbackBasis) {
            for (FiredRow row : rows) {
                String matterCode = matter == null ? null : matter.code();
                if (!seen.add(row.reference() + "|" + matterCode + "|" + material)) {
                    continue; // a bundle rule that fired for every material is one reason, not many
                }
                String basis = row.basis() != null ? row.basis()
                        : fallbackBasis != null ? fallbackBasis : matter == null ? null : matter.primaryBasis();
                explanations.add(new Explanation(row.model() + "/" + row.decision(), row.reference(), matterCode,
                        material, row.reason(), row.reasonEn(), basis));
            }
        }

        /**
         * Rows that concern this matter or material and can still fire, but read an answer not given
         * yet: their unanswered questions are pending.
         */
        void pending(List<TableRow> candidates, Map<String, Object> answers, String affects) {
            for (TableRow row : candidates) {
                if (!LiveRows.live(row, answers, domains::of)) {
                    continue; // an answer already given rules this row out
                }
                for (String question : row.questions()) {
                    if (!answers.containsKey(question) && catalogue.question(question).isPresent()) {
                        pending.computeIfAbsent(question, q -> new LinkedHashSet<>()).add(affects);
                    }
                }
            }
        }

        Explanation first(String model, String matter) {
            return explanations.stream().filter(e -> e.rule().startsWith(model + "/") && matter.equals(e.matter()))
                    .findFirst().orElse(null);
        }

        List<Explanation> explanations() {
            return List.copyOf(explanations);
        }

        List<PendingQuestion> pendingQuestions() {
            List<PendingQuestion> questions = new ArrayList<>();
            pending.forEach((id, affects) -> catalogue.question(id).ifPresent(q -> questions.add(new PendingQuestion(
                    q.id(), q.text(), q.textEn(), q.type().label(), q.options(), q.unit(), q.why(), q.whyEn(),
                    List.copyOf(affects)))));
            return questions;
        }
    }
}
