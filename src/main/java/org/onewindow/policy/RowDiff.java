package org.onewindow.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The difference between two rule-set versions row by row, rows named by their DMN rule id (a row
 * keeps its id when it is edited or moved, so an edit is one "changed" row, not a removal and an
 * addition): added, removed and changed rows of every decision table, with the row before and
 * after as policy staff read it (column label → entry, reason, basis). In a FIRST table a row that
 * moved relative to the others is changed too (the order decides). DRL rules are compared by name;
 * other files ({@code ruleset.yaml}) as a whole.
 */
public final class RowDiff {

    public record Change(String file, String table, String rule, String change, Map<String, Object> before,
            Map<String, Object> after) {
    }

    private static final Pattern DRL_RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\s*$");

    private RowDiff() {
    }

    public static List<Change> between(Map<String, byte[]> a, Map<String, byte[]> b) {
        List<Change> changes = new ArrayList<>();
        TreeSet<String> files = new TreeSet<>(a.keySet());
        files.addAll(b.keySet());
        for (String file : files) {
            byte[] before = a.get(file);
            byte[] after = b.get(file);
            if (before != null && after != null && Arrays.equals(before, after)) {
                continue;
            }
            if (file.endsWith(".dmn")) {
                dmn(file, before, after, changes);
            } else if (file.endsWith(".drl")) {
                drl(file, before, after, changes);
            } else {
                changes.add(new Change(file, null, null, before == null ? "added" : after == null ? "removed" : "changed",
                        before == null ? null : Map.of("text", text(before)), after == null ? null : Map.of("text", text(after))));
            }
        }
        return changes;
    }

    private static void dmn(String file, byte[] before, byte[] after, List<Change> changes) {
        Map<String, DmnTables.Table> was = tables(before);
        Map<String, DmnTables.Table> now = tables(after);
        TreeSet<String> names = new TreeSet<>(was.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            DmnTables.Table t0 = was.get(name);
            DmnTables.Table t1 = now.get(name);
            Map<String, DmnTables.Row> r0 = rows(t0);
            Map<String, DmnTables.Row> r1 = rows(t1);
            List<String> order0 = r0.keySet().stream().filter(r1::containsKey).toList();
            List<String> order1 = r1.keySet().stream().filter(r0::containsKey).toList();
            boolean ordered = t1 != null && "FIRST".equals(t1.hitPolicy()) || t0 != null && "FIRST".equals(t0.hitPolicy());
            for (String id : r0.keySet()) {
                if (!r1.containsKey(id)) {
                    changes.add(new Change(file, name, id, "removed", view(t0, r0.get(id), order0.indexOf(id)), null));
                }
            }
            for (Map.Entry<String, DmnTables.Row> e : r1.entrySet()) {
                String id = e.getKey();
                DmnTables.Row old = r0.get(id);
                if (old == null) {
                    changes.add(new Change(file, name, id, "added", null, view(t1, e.getValue(), -1)));
                    continue;
                }
                Map<String, Object> v0 = view(t0, old, ordered ? order0.indexOf(id) : -1);
                Map<String, Object> v1 = view(t1, e.getValue(), ordered ? order1.indexOf(id) : -1);
                if (!Objects.equals(v0, v1)) {
                    changes.add(new Change(file, name, id, "changed", v0, v1));
                }
            }
        }
    }

    private static Map<String, DmnTables.Table> tables(byte[] xml) {
        Map<String, DmnTables.Table> out = new LinkedHashMap<>();
        if (xml != null) {
            try {
                DmnTables.read(xml).forEach(t -> out.put(t.decision(), t));
            } catch (IllegalArgumentException unreadable) {
                // a draft file that is not well-formed has no rows to compare
            }
        }
        return out;
    }

    private static Map<String, DmnTables.Row> rows(DmnTables.Table t) {
        Map<String, DmnTables.Row> out = new LinkedHashMap<>();
        if (t != null) {
            t.rows().forEach(r -> out.put(r.id(), r));
        }
        return out;
    }

    /** A row as policy staff read it: "when" by input label, "then" by output label, the annotations. */
    static Map<String, Object> view(DmnTables.Table t, DmnTables.Row row, int position) {
        Map<String, Object> when = new LinkedHashMap<>();
        for (int i = 0; i < row.inputs().size() && i < t.inputs().size(); i++) {
            when.put(t.inputs().get(i).label(), row.inputs().get(i));
        }
        Map<String, Object> then = new LinkedHashMap<>();
        for (int o = 0; o < row.outputs().size() && o < t.outputs().size(); o++) {
            then.put(t.outputs().get(o).label(), row.outputs().get(o));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("when", when);
        v.put("then", then);
        v.putAll(row.annotations());
        if (position >= 0) {
            v.put("position", position + 1);
        }
        return v;
    }

    private static void drl(String file, byte[] before, byte[] after, List<Change> changes) {
        Map<String, String> r0 = drlRules(before);
        Map<String, String> r1 = drlRules(after);
        TreeSet<String> names = new TreeSet<>(r0.keySet());
        names.addAll(r1.keySet());
        for (String name : names) {
            String x = r0.get(name);
            String y = r1.get(name);
            if (!Objects.equals(x, y)) {
                changes.add(new Change(file, null, name, x == null ? "added" : y == null ? "removed" : "changed",
                        x == null ? null : Map.of("text", x), y == null ? null : Map.of("text", y)));
            }
        }
    }

    private static Map<String, String> drlRules(byte[] drl) {
        Map<String, String> out = new LinkedHashMap<>();
        if (drl != null) {
            Matcher m = DRL_RULE.matcher(text(drl));
            while (m.find()) {
                out.put(m.group(1), m.group(0).strip());
            }
        }
        return out;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
