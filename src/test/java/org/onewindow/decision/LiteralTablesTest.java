package org.onewindow.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;

/**
 * The fast path for literal-only tables ({@link LiteralTable}) must give exactly what KIE gives:
 * every shipped table is evaluated through both paths ({@link RuleSet#evaluate} and
 * {@link RuleSet#evaluateWithEngine}) over generated inputs — every literal of every column, values
 * not in the table, nulls, values of the wrong type, missing and malformed inputs — and the
 * results, the fired rows and the errors are compared. A table with a FEEL expression cell is left
 * to the engine.
 */
class LiteralTablesTest {

    private static final Pattern PATH = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

    private static RuleSet rules;

    @BeforeAll
    static void compile() {
        rules = new RuleSetCompiler().compile(Path.of("rules"));
    }

    @Test
    void everyShippedTableGivesKiesResultFiredRowsAndErrorsOnGeneratedInputs() {
        int tables = 0;
        int literal = 0;
        long compared = 0;
        long fast = 0;
        Random random = new Random(15);
        List<String> engineOnly = new ArrayList<>();
        for (DMNModel model : rules.models()) {
            for (DecisionNode decision : model.getDecisions()) {
                DecisionTableInfo info = rules.table(model.getName(), decision.getName()).orElse(null);
                if (info == null) {
                    continue;
                }
                tables++;
                LiteralTable table = rules.literalTable(model.getName(), decision.getName());
                if (table == null) {
                    engineOnly.add(model.getName() + "/" + decision.getName());
                    continue;
                }
                literal++;
                int fastHere = 0;
                for (Map<String, Object> inputs : inputs(model, decision, info, random)) {
                    compared++;
                    if (table.evaluate(inputs) != null) {
                        fast++;
                        fastHere++;
                    }
                    assertSame(model.getName(), decision.getName(), inputs);
                }
                assertTrue(fastHere > 0, model.getName() + "/" + decision.getName() + ": no generated input took the fast path");
            }
        }
        System.out.printf("literal tables: %d of %d tables; %d evaluations compared, %d answered by the fast path;"
                + " left to the engine: %s%n", literal, tables, compared, fast, engineOnly);
        // the shipped policy tables are literal: nearly all of them take the fast path
        assertTrue(literal >= tables * 9 / 10, literal + " of " + tables);
    }

    @Test
    void aTableWithAFeelExpressionCellIsLeftToTheEngine() {
        RuleSet set = new RuleSetCompiler().compile(Map.of(
                RuleSetCompiler.MANIFEST, "name: t\neffectiveFrom: 2026-01-01\n".getBytes(StandardCharsets.UTF_8),
                "t.dmn", dmn("""
                        <rule id="r1"><inputEntry><text>"a"</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>"plain"</text></outputEntry></rule>
                        <rule id="r2"><inputEntry><text>-</text></inputEntry><inputEntry><text>string length(?) &gt; 3</text></inputEntry><outputEntry><text>"feel"</text></outputEntry></rule>
                        """, "expression").getBytes(StandardCharsets.UTF_8),
                "u.dmn", dmn("""
                        <rule id="r1"><inputEntry><text>"a"</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>"plain"</text></outputEntry></rule>
                        <rule id="r2"><inputEntry><text>not("a")</text></inputEntry><inputEntry><text>"long"</text></inputEntry><outputEntry><text>"other"</text></outputEntry></rule>
                        """, "literal").getBytes(StandardCharsets.UTF_8)));
        assertNull(set.literalTable("expression", "D"));
        assertNotNull(set.literalTable("literal", "D"));
        Map<String, Object> inputs = Map.of("In", Map.of("a", "b", "b", "longer"));
        Evaluation viaEngine = set.evaluate("expression", "D", inputs);
        assertEquals(List.of("feel"), viaEngine.result());
        assertEquals(set.evaluateWithEngine("expression", "D", inputs), viaEngine);
        assertEquals(List.of("r2"), viaEngine.fired().stream().map(FiredRow::ruleId).toList());
        Map<String, Object> literalInputs = Map.of("In", Map.of("a", "b", "b", "long"));
        assertNotNull(set.literalTable("literal", "D").evaluate(literalInputs));
        assertEquals(set.evaluateWithEngine("literal", "D", literalInputs), set.evaluate("literal", "D", literalInputs));
        assertEquals(List.of("other"), set.evaluate("literal", "D", literalInputs).result());
    }

    private static String dmn(String rules, String name) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="%s" name="%s" namespace="https://onewindow.org/test/%s">
                  <inputData id="in" name="In"><variable name="In" typeRef="Any"/></inputData>
                  <decision id="d" name="D">
                    <variable name="D"/>
                    <informationRequirement id="ir"><requiredInput href="#in"/></informationRequirement>
                    <decisionTable id="t" hitPolicy="COLLECT">
                      <input id="i1"><inputExpression id="e1" typeRef="string"><text>In.a</text></inputExpression></input>
                      <input id="i2"><inputExpression id="e2" typeRef="string"><text>In.b</text></inputExpression></input>
                      <output id="o1" name="out" typeRef="string"/>
                      %s
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(name, name, name, rules);
    }

    private static void assertSame(String model, String decision, Map<String, Object> inputs) {
        Object viaEngine;
        Object viaRuleSet;
        try {
            viaEngine = rules.evaluateWithEngine(model, decision, inputs);
        } catch (RuntimeException e) {
            viaEngine = e.getClass() + ": " + e.getMessage();
        }
        try {
            viaRuleSet = rules.evaluate(model, decision, inputs);
        } catch (RuntimeException e) {
            viaRuleSet = e.getClass() + ": " + e.getMessage();
        }
        assertEquals(viaEngine, viaRuleSet, model + "/" + decision + " with " + inputs);
    }

    // --- generated inputs ------------------------------------------------------------------------

    /** Inputs for a decision: every column's candidate values, in random combinations and one at a time. */
    private static List<Map<String, Object>> inputs(DMNModel model, DecisionNode decision, DecisionTableInfo info,
            Random random) {
        Map<String, DMNType> types = new LinkedHashMap<>();
        for (InputDataNode input : model.getInputs()) {
            types.put(input.getName(), input.getType());
        }
        List<String[]> paths = new ArrayList<>();
        List<List<Object>> candidates = new ArrayList<>();
        for (int c = 0; c < info.inputExpressions().size(); c++) {
            String expr = info.inputExpressions().get(c) == null ? "" : info.inputExpressions().get(c).trim();
            Matcher m = PATH.matcher(expr);
            if (!m.matches()) {
                continue;
            }
            paths.add(new String[] {m.group(1), m.group(2)});
            final int column = c;
            candidates.add(candidates(info.rows().stream().map(r -> r.inputEntries().get(column)).toList()));
        }
        List<Map<String, Object>> all = new ArrayList<>();
        int combinations = Math.max(60, 8 * info.rows().size());
        for (int i = 0; i < combinations; i++) {
            Map<String, Object> inputs = base(types);
            for (int c = 0; c < paths.size(); c++) {
                List<Object> values = candidates.get(c);
                // mostly values the table names, so that rows fire
                Object value = values.get(random.nextInt(random.nextInt(4) == 0 ? values.size() : Math.max(1, values.size() - 13)));
                put(inputs, paths.get(c), value);
            }
            all.add(inputs);
        }
        for (int c = 0; c < paths.size(); c++) {
            for (Object value : candidates.get(c)) {
                Map<String, Object> inputs = base(types);
                put(inputs, paths.get(c), value);
                all.add(inputs);
            }
        }
        // whole inputs null, missing, or not a structure
        for (String name : types.keySet()) {
            Map<String, Object> nulled = base(types);
            nulled.put(name, null);
            all.add(nulled);
            Map<String, Object> missing = base(types);
            missing.remove(name);
            all.add(missing);
            Map<String, Object> text = base(types);
            text.put(name, "not a structure");
            all.add(text);
        }
        return all;
    }

    /** Every literal a column's entries name (and its neighbours for numbers), then values no entry names. */
    private static List<Object> candidates(List<String> entries) {
        Set<Object> named = new LinkedHashSet<>();
        for (String entry : entries) {
            Matcher s = STRING.matcher(entry);
            while (s.find()) {
                named.add(s.group(1));
            }
            String unquoted = entry.replaceAll("\"[^\"]*\"", "");
            if (unquoted.matches(".*\\btrue\\b.*") || unquoted.matches(".*\\bfalse\\b.*")) {
                named.add(Boolean.TRUE);
                named.add(Boolean.FALSE);
            }
            Matcher n = NUMBER.matcher(unquoted);
            while (n.find()) {
                BigDecimal d = new BigDecimal(n.group());
                named.add(d);
                named.add(d.subtract(BigDecimal.ONE));
                named.add(d.add(BigDecimal.ONE));
                named.add(d.intValue());
            }
        }
        List<Object> values = new ArrayList<>(named);
        values.addAll(List.of("zzz-not-in-table", "", 7, new BigDecimal("2.5"), 3.5d, "true", Boolean.TRUE, List.of("a")));
        values.add(null);
        values.add(null);
        values.add(Boolean.FALSE);
        values.add(new HashMap<>(Map.of("x", 1)));
        return values;
    }

    /** Inputs with every declared structure filled with plain values of its components' types. */
    private static Map<String, Object> base(Map<String, DMNType> types) {
        Map<String, Object> inputs = new HashMap<>();
        types.forEach((name, type) -> inputs.put(name, plain(type)));
        return inputs;
    }

    private static Object plain(DMNType type) {
        if (type == null) {
            return new HashMap<String, Object>();
        }
        if (type.isCollection()) {
            return new ArrayList<>();
        }
        if (type.isComposite()) {
            Map<String, Object> value = new HashMap<>();
            type.getFields().forEach((field, fieldType) -> value.put(field, plain(fieldType)));
            return value;
        }
        String name = type.getBaseType() != null ? type.getBaseType().getName() : type.getName();
        return switch (String.valueOf(name)) {
            case "string" -> "base";
            case "number" -> BigDecimal.TEN;
            case "boolean" -> Boolean.FALSE;
            case "Any" -> new HashMap<String, Object>();
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> inputs, String[] path, Object value) {
        if (path[1] == null) {
            inputs.put(path[0], value);
            return;
        }
        Object holder = inputs.get(path[0]);
        Map<String, Object> map = holder instanceof Map<?, ?> m ? new HashMap<>((Map<String, Object>) m) : new HashMap<>();
        map.put(path[1], value);
        inputs.put(path[0], map);
    }
}
