package org.onewindow.scenario;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.onewindow.guide.Catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads scenario files from {@code rules/scenarios/}: YAML files with a list of {@code scenarios}
 * and/or a {@code table} (columns + rows), and CSV files in the table form. Converts a file to CSV
 * (export) and CSV to the YAML table form (import). Problems name the file, the line where the
 * parser knows it, and the scenario.
 */
public final class ScenarioFiles {

    /** Scenarios read from a folder, and what could not be read. */
    public record Loaded(List<Scenario> scenarios, List<String> problems) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final CsvMapper CSV = new CsvMapper();

    private ScenarioFiles() {
    }

    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Loaded load(Path folder, Catalogue catalogue) {
        List<Scenario> scenarios = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files(folder)) {
            try {
                scenarios.addAll(read(file, catalogue));
            } catch (ScenarioFileException e) {
                problems.add(e.getMessage());
            }
        }
        return new Loaded(scenarios, problems);
    }

    /** The scenarios of one file. */
    public static List<Scenario> read(Path file, Catalogue catalogue) {
        String name = file.getFileName().toString();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return name.endsWith(".csv") ? fromCsv(text, name, catalogue) : fromYaml(text, name, catalogue);
        } catch (IOException e) {
            throw new ScenarioFileException(name + ": cannot read: " + e.getMessage());
        }
    }

    static List<Scenario> fromYaml(String text, String file, Catalogue catalogue) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioFileException(file + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr())
                    + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioFileException(file + ": expected a mapping with 'scenarios' and/or 'table'");
        }
        List<Scenario> scenarios = new ArrayList<>();
        Iterator<String> keys = root.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.equals("scenarios") && !key.equals("table")) {
                throw new ScenarioFileException(file + ": unknown key '" + key + "' (expected scenarios, table)");
            }
        }
        for (JsonNode node : root.path("scenarios")) {
            scenarios.add(scenario(node, file));
        }
        JsonNode table = root.path("table");
        if (!table.isMissingNode()) {
            List<String> columns = new ArrayList<>();
            table.path("columns").forEach(c -> columns.add(c.asText()));
            int index = 0;
            for (JsonNode row : table.path("rows")) {
                index++;
                if (row.size() != columns.size()) {
                    throw new ScenarioFileException(file + ": table row " + index + " has " + row.size()
                            + " cells for " + columns.size() + " columns");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    cells.put(columns.get(i), row.get(i).isNull() ? "" : row.get(i).asText());
                }
                scenarios.add(fromRow(cells, file, "table row " + index, catalogue));
            }
        }
        return scenarios;
    }

    private static Scenario scenario(JsonNode node, String file) {
        String name = node.path("name").asText("");
        String where = file + ": scenario '" + name + "'";
        if (name.isBlank()) {
            throw new ScenarioFileException(file + ": a scenario without a name");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!List.of("name", "description", "situation", "have", "expect").contains(key)) {
                throw new ScenarioFileException(where + ": unknown key '" + key + "'");
            }
        }
        if (!node.path("situation").isObject()) {
            throw new ScenarioFileException(where + ": 'situation' must be a mapping");
        }
        try {
            Expectations expect = node.has("expect") ? YAML.treeToValue(node.get("expect"), Expectations.class) : null;
            List<String> have = null;
            if (node.has("have")) {
                have = new ArrayList<>();
                for (JsonNode code : node.get("have")) {
                    have.add(code.asText());
                }
            }
            return new Scenario(name, node.path("description").isMissingNode() ? null : node.path("description").asText(),
                    file, (ObjectNode) node.get("situation"), have, expect);
        } catch (JsonProcessingException e) {
            throw new ScenarioFileException(where + ": expect: " + e.getOriginalMessage());
        }
    }

    private static Scenario fromRow(Map<String, String> cells, String file, String where, Catalogue catalogue) {
        try {
            return TableForm.fromRow(cells, file, catalogue);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFileException(file + ": " + where + ": " + e.getMessage());
        }
    }

    static List<Scenario> fromCsv(String text, String file, Catalogue catalogue) {
        List<Scenario> scenarios = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            int line = 1;
            while (rows.hasNext()) {
                line++;
                scenarios.add(fromRow(rows.next(), file, "line " + line, catalogue));
            }
        } catch (IOException e) {
            throw new ScenarioFileException(file + ": " + e.getMessage());
        }
        return scenarios;
    }

    /** The scenarios as CSV in the table form (export for spreadsheets). */
    public static String toCsv(List<Scenario> scenarios) {
        List<String> columns = TableForm.columns(scenarios);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        try {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Scenario s : scenarios) {
                Map<String, String> row = new LinkedHashMap<>();
                Map<String, String> cells = TableForm.toRow(s);
                columns.forEach(c -> row.put(c, cells.getOrDefault(c, "")));
                rows.add(row);
            }
            CSV.writer(schema.build()).writeValue(out, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** CSV in the table form as a YAML scenario file with a {@code table} (import). */
    public static String csvToYaml(String csv, Catalogue catalogue) {
        List<Scenario> scenarios = fromCsv(csv, "import.csv", catalogue);
        List<String> columns = TableForm.columns(scenarios);
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("columns", columns);
        List<List<String>> rows = new ArrayList<>();
        for (Scenario s : scenarios) {
            Map<String, String> cells = TableForm.toRow(s);
            rows.add(columns.stream().map(c -> cells.getOrDefault(c, "")).toList());
        }
        table.put("rows", rows);
        try {
            return YAML.writeValueAsString(Map.of("table", table));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

}
