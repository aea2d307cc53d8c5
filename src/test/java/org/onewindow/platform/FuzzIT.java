package org.onewindow.platform;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * Property-based fuzzing (seeded random calls, {@link Gen}) of every endpoint in the OpenAPI document of the
 * packaged application, running against its own PostgreSQL: random JSON, mutations of a valid
 * body, broken JSON and CSV, hostile path and query values (NUL bytes, huge numbers, far dates,
 * deep nesting), as anonymous or as administrator. It fails on any 5xx, on a stack trace in a
 * body, and on any row written by a refused (4xx) request.
 * <p>
 * Tries: {@code fuzz.tries}, set by the failsafe configuration in pom.xml (24 000, about 600 per
 * endpoint); {@code ./mvnw verify -Pfuzz-large} runs ten times as many. The seed is fixed
 * ({@code fuzz.seed}, default 20261203): the same build sends the same requests, and a failure
 * names the call so it can be replayed.
 */
class FuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ADMIN_PASSWORD = "fuzz-root-secret-4471";
    private static final String SELF_PASSWORD = "harbour-lights-7720";
    private static final Pattern STACK_TRACE = Pattern.compile("(\\tat [\\w.$]+\\(|Caused by: |\\.java:\\d+\\)|"
            + "java\\.lang\\.[A-Za-z]+(Exception|Error)|org\\.jboss\\.resteasy|io\\.vertx\\.core\\.)");
    /** Endpoints whose work is heavy even when allowed: fuzzed as anonymous callers (who are refused). */
    private static final List<String> HEAVY = List.of("/api/rules/reload", "/api/scenarios/drafts", "/api/rules/quality");

    private static Path workDir;
    private static EmbeddedDatabase database;
    private static RunningJar app;
    private static Connection connection;
    private static List<Endpoint> endpoints;
    private static final AtomicLong requests = new AtomicLong();
    private static final Map<String, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, long[]> perEndpoint = new java.util.concurrent.ConcurrentHashMap<>();
    private static long startedAt;

    record Endpoint(String method, String path, List<String> query) {
    }

    record Call(Endpoint endpoint, String path, String body, boolean admin) {
        @Override
        public String toString() {
            return endpoint.method() + " " + path + (admin ? " (admin)" : "") + (body == null ? "" : " body: "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        workDir = Files.createTempDirectory(Path.of("target"), "fuzz-");
        database = EmbeddedDatabase.start(workDir.resolve("db"), true);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        env.put("ONEWINDOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("ONEWINDOW_RATE_LIMIT_ENABLED", "false");
        env.put("ONEWINDOW_SESSION_KEY", "fuzz-session-key-0123456789abcdefghijklmnop");
        app = RunningJar.start(workDir, RunningJar.freePort(), env);
        startedAt = System.nanoTime();
        endpoints = endpoints(JSON.readTree(app.send("GET", "/q/openapi?format=json", null, Map.of()).body()));
        HttpResponse<String> self = app.send("POST", "/api/staff", "{\"username\": \"fuzz-self\", \"password\": \""
                + SELF_PASSWORD + "\", \"name\": \"模糊\", \"roles\": [\"clerk\"]}", RunningJar.basic("admin", ADMIN_PASSWORD));
        if (self.statusCode() != 201) {
            throw new AssertionError("cannot create the fuzzing account: " + self.body());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        System.out.printf("fuzzed %d requests over %d endpoints in %d s; statuses %s%n", requests.get(), endpoints.size(),
                (System.nanoTime() - startedAt) / 1_000_000_000L, new java.util.TreeMap<>(statuses));
        new java.util.TreeMap<>(perEndpoint).forEach((endpoint, tally) -> System.out.printf("  %-62s %6d requests, %6.1f ms each%n",
                endpoint, tally[0], tally[0] == 0 ? 0.0 : tally[1] / 1e6 / tally[0]));
        try {
            if (connection != null) {
                connection.close();
            }
            if (app != null) {
                app.stop();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void noRequestGetsA5xxAStackTraceOrHalfSavesARow() throws Exception {
        int tries = Integer.getInteger("fuzz.tries", 24_000);
        SplittableRandom random = new SplittableRandom(Long.getLong("fuzz.seed", 20261203L));
        Gen<Call> calls = calls();
        for (int i = 0; i < tries; i++) {
            Call call = calls.next(random);
            try {
                check(call);
            } catch (AssertionError e) {
                throw new AssertionError("call " + (i + 1) + " of " + tries + " (seed " + Long.getLong("fuzz.seed",
                        20261203L) + "): " + e.getMessage(), e);
            }
        }
    }

    /**
     * The last row counts read, and PostgreSQL's WAL insert position read just before them. A row
     * cannot change without the position moving (every table is logged), so while it stands still
     * the counts still hold: most calls are refused or read-only, and cost two one-value queries
     * instead of a count of nine tables. A position that moved for another reason (a sequence, a
     * vacuum) only means a recount.
     */
    private long[] counted;
    private String countedAt;

    private void check(Call call) throws Exception {
        recountIfMoved();
        long[] before = counted;
        // a wrong current password counts as a failed login: that endpoint gets its own account, so
        // the throttle it sets off does not lock the administrator out of the rest of the run
        Map<String, String> headers = !call.admin() ? Map.of() : call.endpoint().path().equals("/api/staff/me/password")
                ? RunningJar.basic("fuzz-self", SELF_PASSWORD) : RunningJar.basic("admin", ADMIN_PASSWORD);
        if (call.body() != null && call.endpoint().path().equals("/api/scenarios/import")) {
            headers = new HashMap<>(headers);
            headers.put("Content-Type", "text/csv");
        }
        long sent = System.nanoTime();
        HttpResponse<String> response = app.send(call.endpoint().method(), call.path(), call.body(), headers);
        long[] tally = perEndpoint.computeIfAbsent(call.endpoint().method() + " " + call.endpoint().path(), k -> new long[2]);
        synchronized (tally) {
            tally[0]++;
            tally[1] += System.nanoTime() - sent;
        }
        requests.incrementAndGet();
        statuses.computeIfAbsent(Integer.toString(response.statusCode()), k -> new AtomicLong()).incrementAndGet();
        String body = response.body() == null ? "" : response.body();
        if (response.statusCode() >= 500) {
            throw new AssertionError(response.statusCode() + " for " + call + "\n" + body);
        }
        Matcher trace = STACK_TRACE.matcher(body);
        if (trace.find()) {
            throw new AssertionError("a stack trace (" + trace.group() + ") in the answer to " + call + "\n" + body);
        }
        if (response.statusCode() >= 400 && recountIfMoved()) {
            if (!java.util.Arrays.equals(before, counted)) {
                throw new AssertionError("refused with " + response.statusCode() + " but rows changed "
                        + java.util.Arrays.toString(before) + " -> " + java.util.Arrays.toString(counted) + ": " + call);
            }
        }
    }

    // --- what to send -----------------------------------------------------------------------

    Gen<Call> calls() {
        return Gen.of(endpoints).flatMap(this::callsTo);
    }

    private Gen<Call> callsTo(Endpoint e) {
        Gen<String> path = path(e);
        Gen<String> body = e.method().equals("GET") || e.method().equals("DELETE") ? Gen.just(null)
                : e.path().equals("/api/scenarios/import") ? csv() : json(e);
        boolean staffOnly = e.path().startsWith("/api/applications") || e.path().startsWith("/api/staff");
        Gen<Boolean> admin = HEAVY.stream().anyMatch(e.path()::startsWith) || e.path().equals("/api/scenarios/run")
                ? Gen.just(false) : staffOnly ? Gen.of(true, true, true, false) : Gen.of(true, false, false);
        return r -> new Call(e, path.next(r), body.next(r), admin.next(r));
    }

    private Gen<String> path(Endpoint e) {
        Gen<String> path = Gen.just(e.path());
        Matcher params = Pattern.compile("\\{([^}]+)}").matcher(e.path());
        while (params.find()) {
            String name = params.group(1);
            path = Gen.combine(path, pathValue(name), (p, v) -> p.replace("{" + name + "}", v));
        }
        if (e.query().isEmpty()) {
            return path;
        }
        Gen<String> query = Gen.just("");
        for (String name : e.query()) {
            Gen<String> one = Gen.oneOf(Gen.just(""), hostile().map(v -> "&" + name + "=" + encodeOrRaw(v)));
            query = Gen.combine(query, one, String::concat);
        }
        return Gen.combine(path, query, (p, q) -> q.isEmpty() ? p : p + "?" + q.substring(1));
    }

    /** Percent-encoded already (%00, %ED%A0%80: sent as they are, to reach the server raw), else encoded. */
    private static String encodeOrRaw(String v) {
        return v.contains("%") && v.matches("(%[0-9A-Fa-f]{2}|[A-Za-z0-9._~-])+") ? v : URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private Gen<String> pathValue(String name) {
        Gen<String> known = switch (name) {
            case "id" -> Gen.of("1", "2", "0", "-1", "99999999999999999999", "1.5");
            case "code" -> Gen.of("food-business-licence", "business-licence", "open-restaurant", "x");
            case "modelName" -> Gen.of("ticket-pricing", "window-routing", "tolerance-policy", "Traffic%20Violation");
            case "file" -> Gen.of("completeness.yaml", "coverage-by-row.csv", "..%2F..%2Fetc%2Fpasswd", "x.yaml");
            case "department" -> Gen.of("scjg", "tax", "nowhere");
            case "username" -> Gen.of("clerk1", "nobody", "fuzz-self");
            case "reference" -> Gen.of("OW-20260101-ABCDEF", "x");
            default -> Gen.of("x");
        };
        return Gen.oneOf(known, known, hostile().map(FuzzIT::encodeOrRaw).filter(v -> !v.isEmpty()));
    }

    /** Values that broke something once, and random text. */
    private static Gen<String> hostile() {
        return Gen.oneOf(
                Gen.of("", "%00", "a%00b", "%E5%8A%9E%00", "-1", "0", "1.5", "abc", "1e999999999", "+10000-01-01",
                        "NaN", "9999999999999999999999", "2026-02-30", "../../etc/passwd", "'; DROP TABLE application; --",
                        "<script>alert(1)</script>", "null", "true", "营业执照", "%F0%9F%98%80", "%ED%A0%80"),
                Gen.strings(40),
                Gen.strings("\u0000\u0001\u001f\u007f\ud800\"'<>&%;,\\\n", 6),
                Gen.integers().map(String::valueOf),
                Gen.letters(250));
    }

    private Gen<String> json(Endpoint e) {
        JsonNode template = template(e.path());
        return Gen.frequency(
                5, mutated(template),
                2, anyJson(4).map(JsonNode::toString),
                1, broken(template.toString()),
                1, Gen.of("", "{}", "[]", "null", "1e999999999", "\"x\"",
                        "[".repeat(2000) + "]".repeat(2000), "{\"a\":" .repeat(500) + "1" + "}".repeat(500)));
    }

    private static Gen<String> broken(String valid) {
        return Gen.between(0, Math.max(0, valid.length() - 1)).flatMap(cut -> Gen.of(
                valid.substring(0, cut), valid.substring(0, cut) + "\u0000" + valid.substring(cut),
                valid.substring(0, cut) + "\"" + valid.substring(cut), valid + valid));
    }

    /** A valid body with one to three fields replaced, removed or added. */
    private Gen<String> mutated(JsonNode template) {
        List<String> paths = new ArrayList<>();
        fieldPaths(template, "", paths);
        if (paths.isEmpty()) {
            return anyJson(3).map(JsonNode::toString);
        }
        Gen<String> pathGen = Gen.of(paths);
        Gen<JsonNode> valueGen = anyJson(2);
        Gen<Integer> howGen = Gen.between(0, 3);
        Gen<String> one = r -> pathGen.next(r) + "\u0001" + howGen.next(r) + "\u0001" + valueGen.next(r);
        return one.list(1, 3).map(edits -> {
            JsonNode copy = template.deepCopy();
            for (String edit : edits) {
                String[] parts = edit.split("\u0001", 3);
                apply(copy, parts[0], Integer.parseInt(parts[1]), parse(parts[2]));
            }
            return copy.toString();
        });
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return NODES.textNode(json);
        }
    }

    private static void fieldPaths(JsonNode node, String prefix, List<String> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                out.add(prefix + "/" + name);
                fieldPaths(node.get(name), prefix + "/" + name, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(prefix + "/" + i);
                fieldPaths(node.get(i), prefix + "/" + i, out);
            }
        }
    }

    private static void apply(JsonNode root, String pointer, int how, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash <= 0 ? root : root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            switch (how) {
                case 0 -> object.remove(last);
                case 1 -> object.set(last + "x", value);
                default -> object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array && last.matches("\\d+") && Integer.parseInt(last) < array.size()) {
            if (how == 0) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), value);
            }
        }
    }

    private static Gen<JsonNode> anyJson(int depth) {
        Gen<JsonNode> scalar = Gen.oneOf(
                hostile().map(NODES::textNode),
                Gen.integers().map(NODES::numberNode),
                Gen.decimals().map(NODES::numberNode),
                Gen.of(new java.math.BigDecimal("1e999999999"), new java.math.BigDecimal("-1e-999999999"),
                        new java.math.BigDecimal("123456789012345678901234567890.123")).map(NODES::numberNode),
                Gen.of(true, false).map(NODES::booleanNode),
                Gen.just(NODES.nullNode()));
        if (depth <= 0) {
            return scalar;
        }
        Gen<JsonNode> array = anyJson(depth - 1).list(0, 4).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Gen<JsonNode> object = Gen.combine(Gen.oneOf(Gen.of("matters", "event", "answers",
                "applicant", "asOf", "type", "id", "name", "version", "state", "roles", "password", "scenarios", "table",
                "file", "Visitor", "age", "agent", "applicantAge", "creditStatus"), hostile()), anyJson(depth - 1),
                Map::entry).list(0, 4).map(entries -> {
                    ObjectNode o = NODES.objectNode();
                    entries.forEach(en -> o.set(en.getKey(), en.getValue()));
                    return o;
                });
        return Gen.frequency(3, scalar, 1, array, 2, object);
    }

    private static Gen<String> csv() {
        Gen<String> cell = Gen.oneOf(hostile(), Gen.of("name", "matters", "event", "expect.window",
                "answers.agent", "food-business-licence", "\"", "\"\"", "a,b", "x\ny", ""));
        return cell.list(1, 6).map(cells -> String.join(",", cells)).list(1, 5).map(lines -> String.join("\n", lines));
    }

    /** A valid body for the endpoint, to mutate. */
    private static JsonNode template(String path) {
        String situation = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, \"vendingMachineOnly\": "
                + "false, \"applicantAge\": 30}, \"applicant\": {\"type\": \"enterprise\", \"id\": \"91350100M000100Y43\", "
                + "\"creditStatus\": \"good\", \"name\": \"测试餐饮有限公司\"}, \"asOf\": \"2026-06-01\"}";
        String json;
        if (path.equals("/api/intake/evaluate") || path.equals("/api/interview") || path.equals("/api/applications")) {
            json = situation;
        } else if (path.endsWith("/materials/{code}")) {
            json = "{\"state\": \"received\", \"form\": \"original\", \"version\": 1}";
        } else if (path.endsWith("/decision")) {
            json = "{\"version\": 3, \"decision\": \"approve\", \"reason\": \"符合条件\"}";
        } else if (path.startsWith("/api/applications/")) {
            json = "{\"version\": 2, \"override\": {\"reason\": \"窗口负责人同意\"}}";
        } else if (path.equals("/api/staff")) {
            json = "{\"username\": \"fuzzuser\", \"password\": \"fuzz-password-9911\", \"name\": \"模糊\", "
                    + "\"roles\": [\"reviewer\"], \"department\": \"scjg\"}";
        } else if (path.startsWith("/api/staff/")) {
            json = path.endsWith("/password") ? "{\"current\": \"not-it\", \"password\": \"fuzz-password-9912\"}"
                    : "{\"name\": \"模糊\", \"roles\": [\"clerk\"], \"department\": null, \"active\": true}";
        } else if (path.equals("/api/scenarios/run")) {
            json = "{\"scenarios\": [{\"name\": \"a\", \"situation\": " + situation + ", \"expect\": {\"window\": \"market\"}}]}";
        } else if (path.startsWith("/decisions/")) {
            json = "{\"Visitor\": {\"age\": 70, \"birthday\": \"1956-05-20\", \"memberSince\": \"2023-02-01\"}, "
                    + "\"Visit Date\": \"2026-05-02\", \"Matter\": {\"code\": \"x\", \"type\": \"行政许可\", \"department\": \"tax\"}}";
        } else {
            json = "{}";
        }
        return parse(json);
    }

    // --- the application's endpoints and its rows ---------------------------------------------

    private static List<Endpoint> endpoints(JsonNode openapi) {
        List<Endpoint> list = new ArrayList<>();
        openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase();
            if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                return;
            }
            List<String> query = new ArrayList<>();
            op.getValue().path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    query.add(p.path("name").asText());
                }
            });
            list.add(new Endpoint(method, path.getKey(), query));
        }));
        if (list.size() < 30) {
            throw new AssertionError("the OpenAPI document lists only " + list.size() + " endpoints");
        }
        return list;
    }

    /** PostgreSQL's current WAL insert position: it moves with every change to a logged table. */
    private static String wal() throws Exception {
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Reads the WAL position and, if it moved since the last count, the row counts (read after it, so
     * at least as new as the position kept with them). Whether it counted again.
     */
    private boolean recountIfMoved() throws Exception {
        String at = wal();
        if (at.equals(countedAt)) {
            return false;
        }
        countedAt = at;
        counted = rows();
        return true;
    }

    private static Connection connection() throws Exception {
        if (connection == null) {
            connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
        }
        return connection;
    }

    /** Row counts of every table a request may write, and the sum of application versions. */
    private static long[] rows() throws Exception {
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery("""
                        SELECT (SELECT count(*) FROM decision_record)
                                   + (SELECT coalesce(sum(cardinality(outcome_hashes)), 0) FROM decision_batch),
                               (SELECT count(*) FROM application),
                               (SELECT coalesce(sum(version), 0) FROM application), (SELECT count(*) FROM application_event),
                               (SELECT count(*) FROM application_material), (SELECT count(*) FROM department_task),
                               (SELECT count(*) FROM library_item), (SELECT count(*) FROM staff_user),
                               (SELECT count(*) FROM rule_set_version)
                        """)) {
            rs.next();
            long[] counts = new long[9];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            return counts;
        }
    }
}
