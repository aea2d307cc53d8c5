package org.onewindow.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.onewindow.decision.CompletenessVerdict;
import org.onewindow.decision.DecisionTableInfo;
import org.onewindow.decision.DrlRules;
import org.onewindow.decision.Evaluation;
import org.onewindow.decision.FiredRow;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.facts.BundleNote;
import org.onewindow.decision.facts.ChecklistItem;
import org.onewindow.decision.facts.MergedMaterial;
import org.onewindow.decision.units.CompletenessCheck;
import org.onewindow.decision.units.Stores;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Matter;
import org.onewindow.guide.Window;
import org.onewindow.intake.MatterDecision.MaterialDecision;
import org.onewindow.platform.Messages;

/**
 * Decides one situation against one catalogue and one rule set. Pure: no database, no HTTP; the
 * clock only dates a decision without {@code asOf}. Intake logic is orchestration only — every
 * policy choice is a table row or a DRL rule, reported in the explanation — which is what lets
 * benchmarks, scenarios and the interview reuse it.
 */
public final class IntakeDecider {

    private final Catalogue catalogue;
    private final RuleSet rules;
    private final Messages zh;
    private final Messages en;
    private final QuestionDomains domains;
    private final Clock clock;
    private final Consumer<FiredRow> coverage;
    /**
     * Evaluations of decisions whose inputs are fixed within this decider's knowledge base and rule
     * set (see {@link MatterRules.Evaluator#evaluateOnce}): made once, then reused. A decider is
     * built per pair of versions, so a reload starts afresh.
     */
    private final Map<List<Object>, Evaluation> once;
    private static final int ONCE_LIMIT = 200_000;
    /** The bundle rules' conclusions by the facts they were given (see {@link BundleRules#decide}). */
    private final Map<List<Object>, BundleRules.Conclusion> bundles;

    public IntakeDecider(Catalogue catalogue, RuleSet rules, QuestionDomains domains, Messages zh, Messages en,
            Clock clock) {
        this(catalogue, rules, domains, zh, en, clock, row -> { }, new java.util.concurrent.ConcurrentHashMap<>(),
                new java.util.concurrent.ConcurrentHashMap<>());
    }

    private IntakeDecider(Catalogue catalogue, RuleSet rules, QuestionDomains domains, Messages zh, Messages en,
            Clock clock, Consumer<FiredRow> coverage, Map<List<Object>, Evaluation> once,
            Map<List<Object>, BundleRules.Conclusion> bundles) {
        this.once = once;
        this.bundles = bundles;
        this.catalogue = catalogue;
        this.rules = rules;
        this.domains = domains;
        this.zh = zh;
        this.en = en;
        this.clock = clock;
        this.coverage = coverage;
    }

    /** The same decider, also reporting every row and DRL rule that fires (for rule coverage). */
    public IntakeDecider withCoverage(Consumer<FiredRow> listener) {
        return new IntakeDecider(catalogue, rules, domains, zh, en, clock, coverage.andThen(listener), once, bundles);
    }

    /** Evaluates a decision, fails closed on an engine error, and reports its fired rows to coverage. */
    private Evaluation evaluate(String model, String decision, Map<String, Object> inputs) {
        Evaluation eval = rules.evaluate(model, decision, inputs).orFail();
        eval.fired().forEach(coverage);
        return eval;
    }

    /** As {@link #evaluate}, answered from an earlier evaluation with the same key when there is one. */
    private Evaluation evaluateOnce(List<Object> key, String model, String decision,
            java.util.function.Supplier<Map<String, Object>> inputs) {
        Evaluation eval = once.get(key);
        if (eval == null) {
            eval = rules.evaluate(model, decision, inputs.get()).orFail();
            if (once.size() < ONCE_LIMIT) {
                once.put(key, eval);
            }
        }
        eval.fired().forEach(coverage);
        return eval;
    }

    private final MatterRules.Evaluator evaluator = new MatterRules.Evaluator() {
        @Override
        public Evaluation evaluate(String model, String decision, Map<String, Object> inputs) {
            return IntakeDecider.this.evaluate(model, decision, inputs);
        }

        @Override
        public Evaluation evaluateOnce(List<Object> key, String model, String decision,
                java.util.function.Supplier<Map<String, Object>> inputs) {
            return IntakeDecider.this.evaluateOnce(key, model, decision, inputs);
        }
    };

    private List<FiredRow> fire(Object unitData) {
        List<FiredRow> fired = drl().fire((org.drools.ruleunits.api.RuleUnitData) unitData);
        fired.forEach(coverage);
        return fired;
    }

    private DrlRules drl() {
        return rules.drlRules().orElseThrow(() -> new RuleGapException("the rule set has no DRL rules"));
    }

    public Outcome decide(Situation situation) {
        return decide(situation, Set.of());
    }

    /**
     * Decides a situation for an applicant whose shared material library holds {@code library}
     * (material codes, still valid): those required materials are marked "we already have these".
     */
    public Outcome decide(Situation situation, Set<String> library) {
        LocalDate asOf = situation.asOf() != null ? situation.asOf() : LocalDate.now(clock);
        if (asOf.isBefore(rules.version().effectiveFrom())) {
            throw new InvalidInputException("asOf", "no rule set is in force on " + asOf
                    + "; the serving rules apply from " + rules.version().effectiveFrom());
        }
        DecisionTrail trail = new DecisionTrail(catalogue, domains);
        MatterRules matterRules = new MatterRules(catalogue, rules, domains, zh, en, evaluator);
        LifeEvent event = situation.event() == null ? null : catalogue.event(situation.event()).orElseThrow();
        List<Matter> matters = event == null
                ? situation.matters().stream().map(code -> catalogue.matter(code).orElseThrow()).toList()
                : eventMatters(event, situation, trail);
        List<MatterDecision> decided = matters.stream().map(m -> matterRules.decide(m, situation, trail)).toList();

        String windowCode;
        List<DepartmentRole> departments;
        Map<String, MergedMaterial> merged;
        List<String> notes = new ArrayList<>();
        if (event != null || decided.size() > 1) {
            BundleRules.Conclusion bundle = new BundleRules(catalogue, drl(), bundles).decide(event, decided);
            bundle.fired().forEach(coverage);
            trail.fired(bundle.fired(), null, null);
            bundle.notes().stream().map(BundleNote::getText).distinct().forEach(notes::add);
            windowCode = bundle.window();
            departments = bundle.departments();
            merged = bundle.lines();
        } else if (decided.isEmpty()) {
            throw new RuleGapException("no matter of life event '" + situation.event() + "' applies");
        } else {
            MatterDecision only = decided.get(0);
            windowCode = only.window();
            departments = only.departments();
            merged = null;
        }
        Window window = catalogue.window(windowCode)
                .orElseThrow(() -> new RuleGapException("the rules chose unknown window '" + windowCode + "'"));
        List<MaterialItem> materials = fromLibrary(materials(decided, merged), library);
        List<ToleranceItem> tolerable = tolerable(materials, decided);
        List<MatterSummary> summaries = decided.stream().map(IntakeDecider::summary).toList();

        String notice = new NoticeWriter(zh, false).write(window, summaries, materials, tolerable, notes);
        String noticeEn = new NoticeWriter(en, true).write(window, summaries, materials, tolerable, List.of());
        return new Outcome(windowChoice(window, event, decided, trail), departments, materials, tolerable,
                trail.pendingQuestions(), notice, noticeEn, trail.explanations(),
                new RuleSetRef(rules.version().version(), rules.version().name(), rules.version().effectiveFrom(),
                        rules.version().id()),
                catalogue.version(), summaries, event == null ? null : event.code(), asOf, null, null);
    }

    /**
     * Judges completeness with the completeness rules ({@code unit CompletenessCheck}): every
     * required material of the outcome is at hand ({@code have}) or missing; a missing material is
     * tolerable when the outcome says so. The caller says what is at hand — the kiosk counts the
     * shared-library items as such ({@link Outcome#libraryCodes()}), the desk counts what its
     * checklist says.
     */
    public Precheck check(Outcome outcome, Collection<String> have) {
        Set<String> tolerableCodes = new HashSet<>();
        outcome.tolerable().forEach(t -> tolerableCodes.add(t.code()));
        CompletenessCheck data = new CompletenessCheck();
        List<MaterialItem> missing = new ArrayList<>();
        for (MaterialItem m : outcome.materials()) {
            if (!m.required()) {
                continue;
            }
            boolean absent = !have.contains(m.code());
            data.getItems().add(new ChecklistItem(m.code(), m.key(), tolerableCodes.contains(m.code()), absent));
            if (absent) {
                missing.add(m);
            }
        }
        List<FiredRow> fired = fire(data);
        List<CompletenessVerdict> verdicts = Stores.contents(data.getVerdict());
        if (verdicts.size() != 1) {
            throw new RuleGapException("the completeness rules gave " + verdicts.size() + " verdicts, expected one");
        }
        List<ToleranceItem> later = outcome.tolerable().stream().filter(t -> !have.contains(t.code())).toList();
        List<MaterialItem> mustBring = missing.stream().filter(m -> !tolerableCodes.contains(m.code())).toList();
        FiredRow rule = fired.isEmpty() ? null : fired.get(fired.size() - 1);
        return new Precheck(verdicts.get(0), missing, later, mustBring, rule == null ? null : rule.reason(),
                rule == null ? null : rule.reasonEn());
    }

    /**
     * Rolls the departments' decisions on an application (their task statuses) up into its result,
     * by the department-decisions table: the policy of 并联审批 lives in the rules, not the desk.
     */
    public ApplicationResult result(List<String> departmentDecisions) {
        Evaluation eval = evaluate(IntakeModels.RESULT_MODEL, IntakeModels.RESULT_DECISION,
                Map.of("Department decisions", departmentDecisions));
        if (eval.fired().size() != 1 || eval.result() == null) {
            throw new RuleGapException("the department-decisions table decided nothing for " + departmentDecisions);
        }
        FiredRow row = eval.fired().get(0);
        return new ApplicationResult(String.valueOf(eval.result()), row.reference(), row.reason(), row.reasonEn(),
                row.basis());
    }

    // --- life event: which of its matters apply ---------------------------------------------

    private List<Matter> eventMatters(LifeEvent event, Situation s, DecisionTrail trail) {
        DecisionTableInfo table = rules.table(IntakeModels.EVENT_MODEL, event.code()).orElseThrow(
                () -> new RuleGapException("life event '" + event.code() + "' has no table in " + IntakeModels.EVENT_MODEL));
        Evaluation eval = evaluate(IntakeModels.EVENT_MODEL, event.code(), Map.of("Answers", s.answers()));
        trail.fired(eval.fired(), null, null);
        Set<String> selected = new LinkedHashSet<>();
        if (eval.result() instanceof Collection<?> codes) {
            codes.forEach(c -> selected.add(String.valueOf(c)));
        }
        trail.pending(table, table.rows(), s.answers(), "event:" + event.code());
        // keep the event's own order, so the notice lists matters in the order they are handled
        return event.matters().stream().filter(selected::contains)
                .map(code -> catalogue.matter(code).orElseThrow()).toList();
    }

    // --- the material list -----------------------------------------------------------------------

    /**
     * One line per material, in the order the matters list them: needed lines (merged by the
     * bundle rules when there are several matters), and pending lines for materials whose
     * question is not answered yet — unless another matter needs the material anyway.
     */
    private List<MaterialItem> materials(List<MatterDecision> decided, Map<String, MergedMaterial> merged) {
        Map<String, MaterialItem> lines = new LinkedHashMap<>();
        for (MatterDecision d : decided) {
            for (MaterialDecision m : d.materials()) {
                String code = m.row().material();
                if (lines.containsKey(code) || Boolean.FALSE.equals(m.required())) {
                    continue;
                }
                if (m.required() == null) {
                    lines.put(code, pendingItem(m, d.matter()));
                } else if (merged == null) {
                    lines.put(code, singleItem(m, d.matter()));
                } else {
                    lines.put(code, mergedItem(m, merged.get(code), decided));
                }
            }
        }
        if (merged != null) {
            // a pending line is dropped when another matter needs the same material anyway
            lines.values().removeIf(item -> item.pending() && merged.containsKey(item.code()));
        }
        return List.copyOf(lines.values());
    }

    private static MaterialItem singleItem(MaterialDecision m, Matter matter) {
        return new MaterialItem(m.row().material(), m.material().name(), m.material().nameEn(), m.row().title(), true,
                m.row().key(), m.tolerable(), false, false, m.row().conditional() ? m.row().condition() : null,
                m.row().form().label(), m.row().originals(), m.row().copies(), m.tolerable() ? m.deadlineDays() : null,
                null, List.of(matter.code()), m.reason(), m.reasonEn(), m.basis());
    }

    private MaterialItem mergedItem(MaterialDecision first, MergedMaterial line, List<MatterDecision> decided) {
        String producedBy = line.getProducedBy();
        String reason = first.reason();
        String reasonEn = first.reasonEn();
        if (producedBy != null) {
            Matter producer = decided.stream().map(MatterDecision::matter).filter(m -> m.code().equals(producedBy))
                    .findFirst().orElseThrow();
            reason = zh.reason_produced(producer.name());
            reasonEn = en.reason_produced(Objects.requireNonNullElse(producer.nameEn(), producer.name()));
        }
        return new MaterialItem(line.getMaterial(), first.material().name(), first.material().nameEn(),
                first.row().title(), line.isRequired(), line.isKey(), line.isTolerable(), false, false,
                first.row().conditional() ? first.row().condition() : null, line.getForm(), line.getOriginals(),
                line.getCopies(), line.isTolerable() ? line.getDeadlineDays() : null, producedBy,
                inBundleOrder(line.getMatters(), decided),
                reason, reasonEn, first.basis());
    }

    /** The rules list a line's matters in the order they happened to fire; the applicant sees the bundle's order. */
    private static List<String> inBundleOrder(List<String> matters, List<MatterDecision> decided) {
        List<String> order = decided.stream().map(d -> d.matter().code()).toList();
        return matters.stream().sorted(java.util.Comparator.comparingInt(code -> {
            int i = order.indexOf(code);
            return i < 0 ? Integer.MAX_VALUE : i;
        })).toList();
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

    private static MaterialItem pendingItem(MaterialDecision m, Matter matter) {
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

    private WindowChoice windowChoice(Window w, LifeEvent event, List<MatterDecision> decided, DecisionTrail trail) {
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

    private static MatterSummary summary(MatterDecision d) {
        Matter m = d.matter();
        return new MatterSummary(m.code(), m.name(), m.nameEn(), d.window(), m.department(), m.timeLimit().promised(),
                m.timeLimit().statutory(), m.fee() == null ? null : m.fee().description(),
                m.result() == null ? null : m.result().name());
    }
}
