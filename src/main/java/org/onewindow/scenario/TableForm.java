package org.onewindow.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.onewindow.guide.AnswerType;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Question;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The table form of scenarios — one row per scenario, one column per input or expectation — for
 * bulk cases and spreadsheets (CSV). Columns:
 * <pre>
 * name, description, matters | event, answers.&lt;question&gt;, applicant.type, applicant.id,
 * applicant.creditStatus, asOf, expect.window, expect.lead, expect.parallel, expect.matters,
 * expect.materials, expect.absent, expect.pendingMaterials, expect.producedInside,
 * expect.tolerable (code:days …), expect.notTolerable, expect.pending, expect.notice (a | b),
 * have (materials at hand), expect.completeness
 * </pre>
 * Lists are separated by spaces (notice fragments by {@code |}); an empty cell is "not given",
 * {@code -} is an empty list (e.g. no pending question).
 */
public final class TableForm {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TableForm() {
    }

    /** A scenario from one row (column name → cell text). */
    public static Scenario fromRow(Map<String, String> row, String file, Catalogue catalogue) {
        ObjectNode situation = JSON.objectNode();
        ObjectNode answers = JSON.objectNode();
        ObjectNode applicant = JSON.objectNode();
        Map<String, String> expect = new LinkedHashMap<>();
        List<String> have = null;
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String column = cell.getKey().trim();
            String value = cell.getValue() == null ? "" : cell.getValue().trim();
            if (value.isEmpty() || column.equals("name") || column.equals("description")) {
                continue;
            }
            if (column.equals("matters")) {
                situation.set("matters", JSON.arrayNode().addAll(list(value).stream().map(JSON::textNode).toList()));
            } else if (column.equals("have")) {
                have = list(value);
            } else if (column.equals("event") || column.equals("asOf")) {
                situation.put(column, value);
            } else if (column.startsWith("answers.")) {
                String id = column.substring("answers.".length());
                answers.set(id, answer(catalogue.question(id).orElse(null), value));
            } else if (column.startsWith("applicant.")) {
                applicant.put(column.substring("applicant.".length()), value);
            } else if (column.startsWith("expect.")) {
                expect.put(column.substring("expect.".length()), value);
            } else {
                throw new IllegalArgumentException("unknown column '" + column + "'");
            }
        }
        if (!answers.isEmpty()) {
            situation.set("answers", answers);
        }
        if (!applicant.isEmpty()) {
            situation.set("applicant", applicant);
        }
        return new Scenario(row.getOrDefault("name", ""), row.get("description"), file, situation, have,
                expectations(expect));
    }

    private static JsonNode answer(Question question, String value) {
        AnswerType type = question == null ? null : question.type();
        if (type == AnswerType.BOOLEAN && (value.equals("true") || value.equals("false"))) {
            return JSON.booleanNode(Boolean.parseBoolean(value));
        }
        if (type == AnswerType.NUMBER) {
            try {
                return JSON.numberNode(new BigDecimal(value));
            } catch (NumberFormatException e) {
                return JSON.textNode(value); // the situation reader names the field
            }
        }
        return JSON.textNode(value);
    }

    private static Expectations expectations(Map<String, String> e) {
        Set<String> known = Set.of("window", "lead", "parallel", "matters", "materials", "absent", "pendingMaterials",
                "producedInside", "tolerable", "notTolerable", "pending", "notice", "completeness");
        for (String key : e.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown column 'expect." + key + "'");
            }
        }
        Map<String, Integer> tolerable = null;
        if (e.containsKey("tolerable")) {
            tolerable = new LinkedHashMap<>();
            for (String item : list(e.get("tolerable"))) {
                String[] parts = item.split(":");
                tolerable.put(parts[0], parts.length > 1 ? Integer.valueOf(parts[1]) : null);
            }
        }
        List<String> notice = e.containsKey("notice")
                ? Arrays.stream(e.get("notice").split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList() : null;
        return new Expectations(e.get("window"), e.get("lead"), listOrNull(e.get("parallel")),
                listOrNull(e.get("matters")), listOrNull(e.get("materials")), listOrNull(e.get("absent")),
                listOrNull(e.get("pendingMaterials")), listOrNull(e.get("producedInside")), tolerable,
                listOrNull(e.get("notTolerable")), e.containsKey("pending") ? list(e.get("pending")) : null, notice,
                e.get("completeness"), null, null, e.get("result"));
    }

    private static List<String> listOrNull(String cell) {
        return cell == null ? null : list(cell);
    }

    private static List<String> list(String cell) {
        if (cell.trim().equals("-")) {
            return List.of();
        }
        return Arrays.stream(cell.trim().split("[\\s,;]+")).filter(s -> !s.isEmpty()).toList();
    }

    // --- export ----------------------------------------------------------------------------------

    /** The columns needed to write these scenarios as rows, in a readable order. */
    public static List<String> columns(List<Scenario> scenarios) {
        Set<String> columns = new LinkedHashSet<>(List.of("name", "description"));
        Set<String> answers = new TreeSet<>();
        Set<String> rest = new LinkedHashSet<>();
        for (Scenario s : scenarios) {
            toRow(s).keySet().forEach(c -> {
                if (c.startsWith("answers.")) {
                    answers.add(c);
                } else if (!columns.contains(c)) {
                    rest.add(c);
                }
            });
        }
        List<String> ordered = new ArrayList<>(columns);
        rest.stream().filter(c -> !c.startsWith("expect.")).forEach(ordered::add);
        ordered.addAll(answers);
        rest.stream().filter(c -> c.startsWith("expect.")).forEach(ordered::add);
        return ordered;
    }

    /** One scenario as a row (column → cell text). */
    public static Map<String, String> toRow(Scenario s) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("name", s.name());
        if (s.description() != null) {
            row.put("description", s.description());
        }
        JsonNode situation = s.situation();
        if (situation.has("matters")) {
            List<String> codes = new ArrayList<>();
            situation.get("matters").forEach(m -> codes.add(m.asText()));
            row.put("matters", String.join(" ", codes));
        }
        for (String field : List.of("event", "asOf")) {
            if (situation.hasNonNull(field)) {
                row.put(field, situation.get(field).asText());
            }
        }
        if (situation.has("applicant")) {
            situation.get("applicant").fields().forEachRemaining(f -> row.put("applicant." + f.getKey(), f.getValue().asText()));
        }
        if (situation.has("answers")) {
            situation.get("answers").fields().forEachRemaining(f -> row.put("answers." + f.getKey(), f.getValue().asText()));
        }
        if (s.have() != null) {
            row.put("have", s.have().isEmpty() ? "-" : String.join(" ", s.have()));
        }
        Expectations e = s.expect();
        if (e != null) {
            put(row, "expect.window", e.window());
            put(row, "expect.lead", e.lead());
            putList(row, "expect.parallel", e.parallel());
            putList(row, "expect.matters", e.matters());
            putList(row, "expect.materials", e.materials());
            putList(row, "expect.absent", e.absent());
            putList(row, "expect.pendingMaterials", e.pendingMaterials());
            putList(row, "expect.producedInside", e.producedInside());
            if (e.tolerable() != null) {
                List<String> items = new ArrayList<>();
                e.tolerable().forEach((code, days) -> items.add(days == null ? code : code + ":" + days));
                row.put("expect.tolerable", String.join(" ", items));
            }
            putList(row, "expect.notTolerable", e.notTolerable());
            putList(row, "expect.pending", e.pending());
            if (e.notice() != null) {
                row.put("expect.notice", String.join(" | ", e.notice()));
            }
            put(row, "expect.completeness", e.completeness());
        }
        return row;
    }

    private static void put(Map<String, String> row, String column, String value) {
        if (value != null) {
            row.put(column, value);
        }
    }

    private static void putList(Map<String, String> row, String column, List<String> values) {
        if (values != null) {
            row.put(column, values.isEmpty() ? "-" : String.join(" ", values));
        }
    }
}
