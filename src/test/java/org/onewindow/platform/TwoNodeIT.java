package org.onewindow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Beyond one machine: one standalone PostgreSQL (zonky) and two nodes of the packaged application
 * against it, as behind a Kubernetes Service. Checks that an acceptance race across the nodes has
 * exactly one winner, that an idempotency key holds across nodes, that a staff session opened on
 * one node works on the other (sessions live in the database), and that when PostgreSQL restarts
 * under load the nodes answer 503 with Retry-After, recover on their own, and lose nothing they
 * acknowledged.
 * <p>
 * Scheduled jobs: both nodes run the supervision job every second here; an application past its
 * time limit gets exactly one red card and one escalation however often both nodes sweep.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeIT {

    private static final String ADMIN_PASSWORD = "two-node-root-pass-5512";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private static Path workDir;
    private static EmbeddedDatabase database;
    private static final List<RunningJar> nodes = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        workDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "two-node-");
        // not a throw-away cluster: it must keep its data across the restart below
        database = EmbeddedDatabase.start(workDir.resolve("db"), false);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        env.put("ONEWINDOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("ONEWINDOW_SESSION_KEY", "two-node-shared-session-key-0123456789abcdef");
        env.put("ONEWINDOW_RATE_LIMIT_ENABLED", "false");
        env.put("ONEWINDOW_HTTP_SECURE_COOKIES", "true");
        // both nodes sweep every second (after the job's start-up delay), so they overlap often
        env.put("ONEWINDOW_SUPERVISION_EVERY", "1s");
        // both nodes start at once: Flyway's lock lets one migrate while the other waits
        ExecutorService starter = Executors.newFixedThreadPool(2);
        List<Future<RunningJar>> starting = new ArrayList<>();
        for (String node : List.of("a", "b")) {
            Path dir = Files.createDirectories(workDir.resolve(node));
            int port = RunningJar.freePort();
            starting.add(starter.submit(() -> RunningJar.start(dir, port, env)));
        }
        for (Future<RunningJar> node : starting) {
            nodes.add(node.get(180, TimeUnit.SECONDS));
        }
        starter.shutdown();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            for (RunningJar node : nodes) {
                node.stop();
            }
        } finally {
            database.close();
        }
    }

    static List<RunningJar> nodes() {
        return nodes;
    }

    private static RunningJar node(int i) {
        return nodes.get(Math.floorMod(i, nodes.size())); // a key's hash may be negative
    }

    private static Map<String, String> admin() {
        return RunningJar.basic("admin", ADMIN_PASSWORD);
    }

    private static String body(String enterpriseId) {
        return "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, \"vendingMachineOnly\": false}, "
                + "\"applicant\": {\"type\": \"enterprise\", \"id\": \"" + enterpriseId + "\", \"creditStatus\": \"good\"}}";
    }

    private static long id(HttpResponse<String> response) {
        Matcher m = ID.matcher(response.body());
        assertTrue(m.find(), response.body());
        return Long.parseLong(m.group(1));
    }

    private static HttpResponse<String> create(RunningJar node, String key) throws Exception {
        Map<String, String> headers = new HashMap<>(admin());
        headers.put("Idempotency-Key", key);
        return node.send("POST", "/api/applications", body("91350100M000100Y43"), headers);
    }

    @Test
    @Order(1)
    void anAcceptanceRaceAcrossTheNodesHasExactlyOneWinner() throws Exception {
        HttpResponse<String> created = create(node(0), "race-" + System.nanoTime());
        assertEquals(201, created.statusCode(), created.body());
        long id = id(created);
        int version = 0;
        int i = 0;
        for (String code : List.of("food-business-application", "business-licence", "food-facility-layout",
                "food-safety-rules")) {
            HttpResponse<String> marked = node(i++).send("PUT", "/api/applications/" + id + "/materials/" + code,
                    "{\"state\": \"received\"}", admin());
            assertEquals(200, marked.statusCode(), marked.body());
            Matcher v = Pattern.compile("\"version\":(\\d+)").matcher(marked.body());
            assertTrue(v.find());
            version = Integer.parseInt(v.group(1));
        }
        int expected = version;
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            RunningJar node = node(n);
            answers.add(pool.submit(() -> {
                go.await();
                return node.send("POST", "/api/applications/" + id + "/accept", "{\"version\": " + expected + "}", admin())
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one winner: " + statuses);
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), "the others are told the version moved: " + statuses);
        assertEquals(1, sql("SELECT count(*) FROM application_event WHERE application_id = " + id + " AND kind = 'accepted'"));
    }

    @Test
    @Order(2)
    void anIdempotencyKeyHoldsAcrossNodes() throws Exception {
        String key = "two-node-" + System.nanoTime();
        HttpResponse<String> first = create(node(0), key);
        HttpResponse<String> again = create(node(1), key);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(id(first), id(again), "the second node answers with the first node's application");
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));

        String raced = "two-node-race-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> ids = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            RunningJar node = node(n);
            ids.add(pool.submit(() -> {
                go.await();
                return id(create(node, raced));
            }));
        }
        go.countDown();
        Set<Long> distinct = ConcurrentHashMap.newKeySet();
        for (Future<Long> id : ids) {
            distinct.add(id.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, distinct.size(), "ten concurrent creates with one key on two nodes: " + distinct);
        assertEquals(1, sql("SELECT count(*) FROM application WHERE idempotency_key = '" + raced + "'"));
    }

    @Test
    @Order(3)
    void aStaffSessionOpenedOnOneNodeWorksOnTheOtherAndEndsOnBoth() throws Exception {
        HttpResponse<String> page = node(0).send("GET", "/login", null, Map.of());
        String csrfCookie = cookie(page, "ow_csrf");
        assertTrue(page.headers().allValues("Set-Cookie").stream().allMatch(c -> c.contains("; Secure")),
                "with onewindow.http.secure-cookies every cookie is Secure: " + page.headers().allValues("Set-Cookie"));
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(token.find());
        String form = "csrf-token=" + token.group(1) + "&j_username=admin&j_password=" + ADMIN_PASSWORD;
        HttpResponse<String> login = node(0).sendForm("/login", form, Map.of("Cookie", "ow_csrf=" + csrfCookie));
        assertEquals(303, login.statusCode(), login.body());
        String session = cookie(login, "ow_session");
        assertEquals(200, node(1).send("GET", "/clerk", null, Map.of("Cookie", "ow_session=" + session)).statusCode(),
                "the session works on the other node");
        node(1).send("GET", "/logout", null, Map.of("Cookie", "ow_session=" + session));
        assertEquals(302, node(0).send("GET", "/clerk", null, Map.of("Cookie", "ow_session=" + session)).statusCode(),
                "logged out on one node is logged out on both");
    }

    @Test
    @Order(4)
    void whenPostgresRestartsUnderLoadRequestsGet503AndTheNodesRecoverLosingNothing() throws Exception {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Set<String> answered503 = ConcurrentHashMap.newKeySet();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        AtomicInteger sequence = new AtomicInteger();
        for (int t = 0; t < 4; t++) {
            load.submit(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
                while (running.get() && System.nanoTime() < deadline) {
                    int n = sequence.incrementAndGet();
                    String key = "load-" + n;
                    try {
                        HttpResponse<String> r = create(node(n), key);
                        if (r.statusCode() == 201) {
                            acknowledged.put(key, id(r));
                        } else if (r.statusCode() == 503) {
                            unavailable.incrementAndGet();
                            answered503.add(key);
                            if (r.headers().firstValue("Retry-After").isEmpty()) {
                                failures.add("503 without Retry-After");
                            }
                        } else {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
                return null;
            });
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 5);
        int port = database.port();
        database.close();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> unavailable.get() >= 4);
        database = EmbeddedDatabase.start(workDir.resolve("db"), false, port);
        int before = acknowledged.size();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> acknowledged.size() >= before + 20);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));

        assertTrue(failures.isEmpty(), "only 201 or 503 with Retry-After while PostgreSQL restarts: " + failures);
        for (RunningJar node : nodes) {
            assertEquals(200, node.send("GET", "/q/health/ready", null, Map.of()).statusCode(), "the node recovered");
        }
        for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
            HttpResponse<String> read = node(ack.getValue().intValue()).send("GET", "/api/applications/" + ack.getValue(),
                    null, admin());
            assertEquals(200, read.statusCode(), "acknowledged application " + ack.getValue() + " is there");
        }
        // a 503 may come after the commit (the database went away before the answer was written):
        // the client retries with the same key and gets that application, never a second one
        int acknowledgedBefore = acknowledged.size();
        for (String key : answered503) {
            HttpResponse<String> retried = create(node(key.hashCode()), key);
            assertEquals(201, retried.statusCode(), retried.body());
            acknowledged.put(key, id(retried));
        }
        assertEquals(acknowledged.size(), sql("SELECT count(*) FROM application WHERE idempotency_key LIKE 'load-%'"),
                "one application per key that was acknowledged or retried, none twice");
        assertEquals(0, sql("SELECT count(*) FROM application a WHERE idempotency_key LIKE 'load-%' AND (NOT EXISTS "
                + "(SELECT 1 FROM application_material m WHERE m.application_id = a.id) OR NOT EXISTS "
                + "(SELECT 1 FROM application_event e WHERE e.application_id = a.id))"), "no application half-made");
        assertTrue(acknowledged.size() >= acknowledgedBefore);
        System.out.println("PostgreSQL restart under load: " + acknowledgedBefore + " acknowledged, " + unavailable.get()
                + " answered 503 with Retry-After (retried with their keys: " + answered503.size() + "), 0 lost, 0 twice");
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers()));
    }

    @Test
    @Order(3)
    void theSupervisionJobsOfBothNodesWriteEachCardOnce() throws Exception {
        HttpResponse<String> created = create(node(0), "overdue-" + System.nanoTime());
        assertEquals(201, created.statusCode(), created.body());
        long id = id(created);
        int version = 0;
        for (String code : List.of("food-business-application", "business-licence", "food-facility-layout",
                "food-safety-rules")) {
            HttpResponse<String> marked = node(1).send("PUT", "/api/applications/" + id + "/materials/" + code,
                    "{\"state\": \"received\"}", admin());
            Matcher v = Pattern.compile("\"version\":(\\d+)").matcher(marked.body());
            assertTrue(v.find(), marked.body());
            version = Integer.parseInt(v.group(1));
        }
        HttpResponse<String> accepted = node(0).send("POST", "/api/applications/" + id + "/accept",
                "{\"version\": " + version + "}", admin());
        assertEquals(200, accepted.statusCode(), accepted.body());
        // the promised limit ran out three days ago
        execute("UPDATE application SET due_on = current_date - 3 WHERE id = " + id);
        String red = "SELECT count(*) FROM application_event WHERE application_id = " + id + " AND kind = 'card-red'";
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() -> sql(red) > 0);
        Thread.sleep(5_000); // both nodes sweep several more times
        assertEquals(1, sql(red), "one red card");
        assertEquals(1, sql("SELECT count(*) FROM escalation WHERE application_id = " + id), "one escalation");
        assertEquals(1, sql("SELECT count(*) FROM application_event WHERE application_id = " + id
                + " AND kind = 'escalated'"), "one escalation on the timeline");
    }

    static void execute(String statement) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    static long sql(String query) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
