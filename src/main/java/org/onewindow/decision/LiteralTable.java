package org.onewindow.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DMNNode;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.ast.DMNBaseNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.HitPolicy;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.UnaryTests;

/**
 * A decision table made only of literal cells, evaluated without the FEEL interpreter: compiled
 * once per rule-set version from the model KIE compiled and validated, it answers an evaluation
 * with the value, the selected rows and the absence of errors KIE would give — or with null
 * whenever the call is anything but the plain case (a value of a kind the cells do not compare,
 * an input that fails its declared type or allowed values, several hits where the policy allows
 * one, a result the decision's type refuses), and then KIE evaluates it as before, with its own
 * messages. {@code LiteralTablesTest} holds both paths to the same answers.
 * <p>
 * Eligible: a decision whose logic is this table and which requires input data only; hit policy
 * UNIQUE, FIRST, ANY or COLLECT without aggregation; input expressions {@code Input} or
 * {@code Input.field}; input entries as {@link LiteralEntry} reads them; output entries string,
 * boolean or number literals, {@code null}, or {@code Input.field} for a string output; no
 * default outputs, no allowed output values. Policy tables are small (one per matter), so rows
 * are tested in order; a string column is a hash lookup per row.
 */
final class LiteralTable {

    private static final Pattern PATH = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** Where an input column (or a path output) reads its value: an input, and maybe one of its fields. */
    private record Path(String input, String field) {
        Object read(Map<String, Object> inputs) {
            Object value = inputs.get(input);
            if (field == null || value == null) {
                return value;
            }
            return value instanceof Map<?, ?> map ? map.get(field) : Unreadable.VALUE;
        }
    }

    /** A value the fast path does not read (a field of something that is not a map): the engine decides. */
    private enum Unreadable { VALUE }

    private record Row(int index, LiteralEntry[] tests, Object[] outputs) {
    }

    private final String tableId;
    private final String decision;
    private final HitPolicy hitPolicy;
    private final Path[] columns;
    private final List<List<Object>> allowed; // per column: the allowed values, or null
    private final List<String> outputNames;
    private final Row[] rows;
    private final Map<String, DMNType> inputTypes;
    private final DMNType resultType;

    private LiteralTable(String tableId, String decision, HitPolicy hitPolicy, Path[] columns,
            List<List<Object>> allowed, List<String> outputNames, Row[] rows, Map<String, DMNType> inputTypes,
            DMNType resultType) {
        this.tableId = tableId;
        this.decision = decision;
        this.hitPolicy = hitPolicy;
        this.columns = columns;
        this.allowed = allowed;
        this.outputNames = outputNames;
        this.rows = rows;
        this.inputTypes = inputTypes;
        this.resultType = resultType;
    }

    String tableId() {
        return tableId;
    }

    /** The fast evaluator of a decision, or null if the decision is not a literal-only table. */
    static LiteralTable of(DMNModel model, DecisionNode node) {
        if (!(node.getDecision().getExpression() instanceof DecisionTable table) || !(node instanceof DMNBaseNode base)) {
            return null;
        }
        HitPolicy policy = table.getHitPolicy();
        if (table.getAggregation() != null || !(policy == HitPolicy.UNIQUE || policy == HitPolicy.FIRST
                || policy == HitPolicy.ANY || policy == HitPolicy.COLLECT)) {
            return null;
        }
        Map<String, DMNType> inputTypes = new HashMap<>();
        for (DMNNode dependency : base.getDependencies().values()) {
            if (!(dependency instanceof InputDataNode input)) {
                return null; // requires another decision or a knowledge model: the engine's job
            }
            inputTypes.put(input.getName(), input.getType());
        }
        Path[] columns = new Path[table.getInput().size()];
        List<List<Object>> allowed = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            InputClause input = table.getInput().get(c);
            columns[c] = path(input.getInputExpression() == null ? null : input.getInputExpression().getText(), inputTypes);
            if (columns[c] == null) {
                return null;
            }
            List<Object> values = null;
            if (input.getInputValues() != null && input.getInputValues().getText() != null
                    && !input.getInputValues().getText().isBlank()) {
                values = literals(input.getInputValues().getText());
                if (values == null) {
                    return null;
                }
            }
            allowed.add(values);
        }
        List<String> outputNames = new ArrayList<>();
        for (OutputClause output : table.getOutput()) {
            if (output.getDefaultOutputEntry() != null || (output.getOutputValues() != null
                    && output.getOutputValues().getText() != null && !output.getOutputValues().getText().isBlank())) {
                return null;
            }
            outputNames.add(output.getName());
        }
        Row[] rows = new Row[table.getRule().size()];
        for (int r = 0; r < rows.length; r++) {
            DecisionRule rule = table.getRule().get(r);
            if (rule.getInputEntry().size() != columns.length || rule.getOutputEntry().size() != outputNames.size()) {
                return null;
            }
            LiteralEntry[] tests = new LiteralEntry[columns.length];
            for (int c = 0; c < columns.length; c++) {
                UnaryTests entry = rule.getInputEntry().get(c);
                tests[c] = LiteralEntry.parse(entry.getText());
                if (tests[c] == null) {
                    return null;
                }
            }
            Object[] outputs = new Object[outputNames.size()];
            for (int o = 0; o < outputs.length; o++) {
                LiteralExpression entry = rule.getOutputEntry().get(o);
                outputs[o] = output(entry.getText(), table.getOutput().get(o), inputTypes);
                if (outputs[o] == NOT_LITERAL) {
                    return null;
                }
            }
            rows[r] = new Row(r + 1, tests, outputs);
        }
        return new LiteralTable(table.getId(), node.getName(), policy, columns, allowed, List.copyOf(outputNames), rows,
                Map.copyOf(inputTypes), node.getResultType());
    }

    private static final Object NOT_LITERAL = new Object();

    private static Path path(String text, Map<String, DMNType> inputs) {
        if (text == null) {
            return null;
        }
        Matcher m = PATH.matcher(text.trim());
        return m.matches() && inputs.containsKey(m.group(1)) ? new Path(m.group(1), m.group(2)) : null;
    }

    /** An output entry as the value KIE would produce, a {@link Path} to read, or NOT_LITERAL. */
    private static Object output(String text, OutputClause clause, Map<String, DMNType> inputs) {
        String t = text == null ? "" : text.trim();
        String type = clause.getTypeRef() == null ? null : clause.getTypeRef().getLocalPart();
        if (t.equals("null")) {
            return null;
        }
        if (t.equals("true") || t.equals("false")) {
            return type == null || type.equals("boolean") ? Boolean.valueOf(t) : NOT_LITERAL;
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            String inner = t.substring(1, t.length() - 1);
            boolean plain = !inner.contains("\"") && !inner.contains("\\");
            return plain && (type == null || type.equals("string")) ? inner : NOT_LITERAL;
        }
        if (NUMBER.matcher(t).matches()) {
            return type == null || type.equals("number") ? new BigDecimal(t) : NOT_LITERAL;
        }
        Path path = path(t, inputs);
        return path != null && path.field() != null && "string".equals(type) ? path : NOT_LITERAL;
    }

    /** The literals of an allowed-values list ({@code "a", "b"}), or null if it is anything else. */
    private static List<Object> literals(String text) {
        if (!(LiteralEntry.parse(text) instanceof LiteralEntry.OneOf)) {
            return null;
        }
        List<String> values = LiteralTests.literals(text);
        return values == null ? null : new ArrayList<>(values);
    }

    /** What the fast path concluded: the decision's value and the rows selected (1-based). */
    record Result(Object value, List<Integer> selected, List<Integer> matched) {
    }

    /** Evaluates the table, or returns null when the engine must (see the class comment). */
    Result evaluate(Map<String, Object> inputs) {
        for (Map.Entry<String, DMNType> input : inputTypes.entrySet()) {
            if (!inputs.containsKey(input.getKey())) {
                return null; // a missing input is reported by the engine
            }
            DMNType type = input.getValue();
            if (type != null && !type.isAssignableValue(inputs.get(input.getKey()))) {
                return null;
            }
        }
        Object[] values = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            Object value = columns[c].read(inputs);
            if (value == Unreadable.VALUE) {
                return null;
            }
            List<Object> allowedValues = allowed.get(c);
            if (allowedValues != null && value != null && !allowedValues.contains(value)) {
                return null;
            }
            values[c] = value;
        }
        List<Integer> matched = new ArrayList<>(2);
        for (Row row : rows) {
            Boolean fires = Boolean.TRUE;
            for (int c = 0; c < values.length && fires; c++) {
                fires = row.tests()[c].test(values[c]);
                if (fires == null) {
                    return null;
                }
            }
            if (fires) {
                matched.add(row.index());
                if (hitPolicy == HitPolicy.FIRST) {
                    break;
                }
            }
        }
        Object value;
        List<Integer> selected;
        if (matched.isEmpty()) {
            value = hitPolicy == HitPolicy.COLLECT ? new ArrayList<>() : null; // as KIE: COLLECT gives an empty list
            selected = List.of();
        } else if (hitPolicy == HitPolicy.COLLECT) {
            List<Object> all = new ArrayList<>(matched.size());
            for (int index : matched) {
                all.add(outputOf(rows[index - 1], inputs));
            }
            value = all;
            selected = matched;
        } else {
            value = outputOf(rows[matched.get(0) - 1], inputs);
            if (matched.size() > 1) {
                if (hitPolicy == HitPolicy.UNIQUE) {
                    return null; // several rows where one may fire: the engine reports it
                }
                for (int index : matched) {
                    if (!Objects.equals(value, outputOf(rows[index - 1], inputs))) {
                        return null; // ANY with different outputs: the engine reports it
                    }
                }
            }
            selected = List.of(matched.get(0));
        }
        if (value == Unreadable.VALUE || (value instanceof List<?> list && list.contains(Unreadable.VALUE))
                || (resultType != null && !resultType.isAssignableValue(value))) {
            return null;
        }
        return new Result(value, selected, matched);
    }

    private Object outputOf(Row row, Map<String, Object> inputs) {
        if (row.outputs().length == 1) {
            return outputValue(row.outputs()[0], inputs);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (int o = 0; o < row.outputs().length; o++) {
            Object v = outputValue(row.outputs()[o], inputs);
            if (v == Unreadable.VALUE) {
                return v;
            }
            outputs.put(outputNames.get(o), v);
        }
        return outputs;
    }

    private static Object outputValue(Object output, Map<String, Object> inputs) {
        if (output instanceof Path path) {
            Object v = path.read(inputs);
            return v == null || v instanceof String ? v : Unreadable.VALUE;
        }
        return output;
    }

    String decision() {
        return decision;
    }

    /** The literal-only tables of compiled models, by model name and decision name. */
    static Map<String, Map<String, LiteralTable>> all(java.util.Collection<DMNModel> models) {
        Map<String, Map<String, LiteralTable>> all = new HashMap<>();
        for (DMNModel model : models) {
            Map<String, LiteralTable> tables = new HashMap<>();
            for (DecisionNode node : model.getDecisions()) {
                LiteralTable table = of(model, node);
                if (table != null) {
                    tables.put(node.getName(), table);
                }
            }
            all.put(model.getName(), Map.copyOf(tables));
        }
        return Map.copyOf(all);
    }
}
