package org.onewindow.decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DynamicDMNContextBuilder;

/**
 * A compiled, immutable rule set: every DMN model and the DRL rule units of one version of the
 * rule files, with the files themselves. Built once by {@link RuleSetCompiler}, shared by all
 * requests, replaced whole on reload.
 */
public final class RuleSet {

    private final RuleSetVersion version;
    private final DMNRuntime runtime;
    private final Map<String, DMNModel> models;
    private final Map<String, DecisionTableInfo> tables;
    private final Map<String, DecisionTableInfo> tablesByDecision = new LinkedHashMap<>();
    private final Map<String, List<DecisionTableInfo>> tablesByName = new LinkedHashMap<>();
    private final DrlRules drlRules;
    private final Map<String, byte[]> files;
    /** Literal-only decision tables by model and decision, evaluated without FEEL (see {@link LiteralTable}). */
    private final Map<String, Map<String, LiteralTable>> literalTables;
    /** {@code -Donewindow.literal-tables=false} sends every evaluation to KIE (to compare, or to rule the fast path out). */
    private static final boolean LITERAL_TABLES = !"false".equals(System.getProperty("onewindow.literal-tables"));

    RuleSet(RuleSetVersion version, DMNRuntime runtime, Map<String, DMNModel> models,
            Map<String, DecisionTableInfo> tables, DrlRules drlRules, Map<String, byte[]> files) {
        this(version, runtime, models, tables, drlRules, files, LiteralTable.all(models.values()));
    }

    private RuleSet(RuleSetVersion version, DMNRuntime runtime, Map<String, DMNModel> models,
            Map<String, DecisionTableInfo> tables, DrlRules drlRules, Map<String, byte[]> files,
            Map<String, Map<String, LiteralTable>> literalTables) {
        this.literalTables = literalTables;
        this.version = version;
        this.runtime = runtime;
        this.models = Map.copyOf(models);
        this.tables = Map.copyOf(tables);
        this.drlRules = drlRules;
        this.files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        for (DecisionTableInfo t : tables.values()) {
            tablesByDecision.put(t.model() + "/" + t.decision(), t);
            tablesByName.computeIfAbsent(t.decision(), k -> new ArrayList<>()).add(t);
        }
    }

    public RuleSetVersion version() {
        return version;
    }

    /**
     * This compiled rule set as console version {@code id}, in force from {@code from}: the same
     * engine (nothing is compiled again), another identity.
     */
    public RuleSet served(long id, java.time.LocalDate from) {
        return new RuleSet(version.served(id, from), runtime, models, tables, drlRules, files, literalTables);
    }

    /** The rule files this set was compiled from, by relative path (the bytes must not be modified). */
    /** The KIE runtime (tests: which compiler built it). */
    DMNRuntime runtime() {
        return runtime;
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public Optional<DMNModel> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public Collection<DMNModel> models() {
        return models.values();
    }

    public Collection<DecisionTableInfo> tables() {
        return tables.values();
    }

    /** The decision table behind a decision of a model, if the decision is a table. */
    public Optional<DecisionTableInfo> table(String model, String decision) {
        return Optional.ofNullable(tablesByDecision.get(model + "/" + decision));
    }

    /** Every decision table whose decision has this name, in any model. */
    public List<DecisionTableInfo> tablesNamed(String decision) {
        return tablesByName.getOrDefault(decision, List.of());
    }

    public Optional<DrlRules> drlRules() {
        return Optional.ofNullable(drlRules);
    }

    /**
     * Evaluates every decision of a model from JSON-shaped inputs, as Kogito's generated endpoints
     * do: strings and maps are coerced to the model's declared types (dates, durations, structures).
     */
    public DMNResult evaluateAll(String modelName, Map<String, Object> jsonInputs) {
        DMNModel model = models.get(modelName);
        DMNContext context = new DynamicDMNContextBuilder(runtime.newContext(), model).populateContextWith(jsonInputs);
        return runtime.evaluateAll(model, context);
    }

    /**
     * Evaluates one decision, touching only that decision and what it requires, and reports the
     * rows that fired with the reasons written beside them, and any evaluation error with the
     * element it concerns.
     *
     * @throws IllegalArgumentException if the model or decision does not exist
     */
    public Evaluation evaluate(String modelName, String decisionName, Map<String, Object> inputs) {
        DMNModel model = models.get(modelName);
        if (model == null || model.getDecisionByName(decisionName) == null) {
            throw new IllegalArgumentException("no decision '" + decisionName + "' in model '" + modelName + "'");
        }
        LiteralTable literal = LITERAL_TABLES ? literalTables.getOrDefault(modelName, Map.of()).get(decisionName) : null;
        LiteralTable.Result fast = literal == null ? null : literal.evaluate(inputs);
        if (fast != null) {
            return new Evaluation(modelName, decisionName, fast.value(), fired(modelName, List.of(
                    new DmnTrace.TableHit(literal.tableId(), decisionName, fast.selected(), fast.matched()))), List.of());
        }
        return evaluateWithEngine(model, decisionName, inputs);
    }

    /** The literal-only table of a decision, if it is one (the fast path evaluates it when its inputs are plain). */
    LiteralTable literalTable(String modelName, String decisionName) {
        return literalTables.getOrDefault(modelName, Map.of()).get(decisionName);
    }

    /** {@link #evaluate} by KIE alone, whatever the table. */
    Evaluation evaluateWithEngine(String modelName, String decisionName, Map<String, Object> inputs) {
        return evaluateWithEngine(models.get(modelName), decisionName, inputs);
    }

    private Evaluation evaluateWithEngine(DMNModel model, String decisionName, Map<String, Object> inputs) {
        String modelName = model.getName();
        List<DmnTrace.TableHit> hits = DmnTrace.begin();
        DMNResult result;
        try {
            result = runtime.evaluateByName(model, context(inputs), decisionName);
        } finally {
            DmnTrace.end();
        }
        DMNDecisionResult decision = result.getDecisionResultByName(decisionName);
        List<String> errors = result.getMessages(DMNMessage.Severity.ERROR).stream()
                .map(m -> (m.getSourceId() == null ? "" : "[" + m.getSourceId() + "] ") + m.getText()).toList();
        return new Evaluation(modelName, decisionName, decision.getResult(), fired(modelName, hits), errors);
    }

    private List<FiredRow> fired(String modelName, List<DmnTrace.TableHit> hits) {
        List<FiredRow> fired = new ArrayList<>(hits.size());
        for (DmnTrace.TableHit hit : hits) {
            DecisionTableInfo table = tables.get(modelName + "/" + hit.tableId());
            if (table == null) {
                continue;
            }
            for (int index : hit.selected()) {
                TableRow row = table.row(index);
                fired.add(new FiredRow(modelName, table.decision(), table.tableId(), index, row.id(),
                        row.annotation("reason"), row.annotation("reasonEn"), row.annotation("basis")));
            }
        }
        return fired;
    }

    private DMNContext context(Map<String, Object> inputs) {
        DMNContext context = runtime.newContext();
        inputs.forEach(context::set);
        return context;
    }
}
