package org.onewindow.bench;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three synthetic decision tables of the peers benchmark, generated in code so every engine
 * reads the same file: 60 rows FIRST on three strings, 300 rows COLLECT on numeric ranges (8 rows
 * hit), and 5 rows UNIQUE on one string.
 */
final class SyntheticTables {

    /** A generated table: its file, model and decision names, and the inputs it is evaluated with. */
    record Table(String caseName, String file, String model, String decision, String xml, Map<String, Object> inputs) {
    }

    private SyntheticTables() {
    }

    static List<Table> all() {
        return List.of(first60(), collect300(), unique5());
    }

    /** 60 rows, FIRST, three string inputs; the inputs match row 48 (1-based), the third candidate of its pattern. */
    static Table first60() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            String c = i % 10 == 9 ? "-" : q("c" + i);
            rows.append(rule(i, List.of(q("a" + i % 5), q("b" + i % 4), c), q("r" + i)));
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("a", "a2");
        inputs.put("b", "b3");
        inputs.put("c", "c47");
        return new Table("synthetic-first60", "synthetic/first60.dmn", "synthetic-first60", "first60",
                model("synthetic-first60", "first60", "FIRST", Map.of("a", "string", "b", "string", "c", "string"),
                        List.of("a", "b", "c"), "string", rows), inputs);
    }

    /** 300 rows, COLLECT, numeric ranges on x (row i: [i..i+7]) and a range on y: x = 150 hits 8 rows. */
    static Table collect300() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            rows.append(rule(i, List.of("[" + i + ".." + (i + 7) + "]", i % 2 == 0 ? ">= 0" : "&lt; 1000"), String.valueOf(i)));
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("x", new BigDecimal(150));
        inputs.put("y", new BigDecimal(1));
        return new Table("synthetic-collect300", "synthetic/collect300.dmn", "synthetic-collect300", "collect300",
                model("synthetic-collect300", "collect300", "COLLECT", Map.of("x", "number", "y", "number"),
                        List.of("x", "y"), "number", rows), inputs);
    }

    /** 5 rows, UNIQUE, one string input. */
    static Table unique5() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            rows.append(rule(i, List.of(q("v" + i)), String.valueOf(i)));
        }
        return new Table("synthetic-unique5", "synthetic/unique5.dmn", "synthetic-unique5", "unique5",
                model("synthetic-unique5", "unique5", "UNIQUE", Map.of("s", "string"), List.of("s"), "number", rows),
                Map.of("s", "v3"));
    }

    private static String q(String s) {
        return "&quot;" + s + "&quot;";
    }

    private static String rule(int i, List<String> entries, String output) {
        StringBuilder r = new StringBuilder("      <rule id=\"r" + i + "\">\n");
        for (int j = 0; j < entries.size(); j++) {
            r.append("        <inputEntry id=\"r").append(i).append("i").append(j).append("\"><text>")
                    .append(entries.get(j)).append("</text></inputEntry>\n");
        }
        r.append("        <outputEntry id=\"r").append(i).append("o\"><text>").append(output)
                .append("</text></outputEntry>\n      </rule>\n");
        return r.toString();
    }

    private static String model(String name, String decision, String hitPolicy, Map<String, String> types,
            List<String> inputs, String outputType, CharSequence rows) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"")
                .append(name.replace('-', '_')).append("\" name=\"").append(name)
                .append("\" namespace=\"https://onewindow.org/dmn/").append(name).append("\">\n");
        for (String in : inputs) {
            x.append("  <inputData id=\"in_").append(in).append("\" name=\"").append(in).append("\"><variable name=\"")
                    .append(in).append("\" typeRef=\"").append(types.get(in)).append("\"/></inputData>\n");
        }
        x.append("  <decision id=\"d_").append(decision).append("\" name=\"").append(decision).append("\">\n");
        x.append("    <variable name=\"").append(decision).append("\"/>\n");
        for (String in : inputs) {
            x.append("    <informationRequirement id=\"ir_").append(in).append("\"><requiredInput href=\"#in_")
                    .append(in).append("\"/></informationRequirement>\n");
        }
        x.append("    <decisionTable id=\"t_").append(decision).append("\" hitPolicy=\"").append(hitPolicy).append("\">\n");
        for (int j = 0; j < inputs.size(); j++) {
            x.append("      <input id=\"i").append(j).append("\"><inputExpression id=\"ie").append(j)
                    .append("\" typeRef=\"").append(types.get(inputs.get(j))).append("\"><text>").append(inputs.get(j))
                    .append("</text></inputExpression></input>\n");
        }
        x.append("      <output id=\"o\" name=\"result\" typeRef=\"").append(outputType).append("\"/>\n");
        x.append(rows);
        x.append("    </decisionTable>\n  </decision>\n</definitions>\n");
        return x.toString();
    }
}
