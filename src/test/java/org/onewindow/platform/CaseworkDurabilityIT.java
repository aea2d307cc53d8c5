package org.onewindow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing accepted is lost, nothing is created twice — even when the application is killed
 * (SIGKILL, no shutdown) between requests. The packaged jar with its embedded PostgreSQL: create
 * an application with an idempotency key, kill, restart, retry the same request (the same
 * application comes back), check in and accept, kill right after the answer, restart: the
 * acceptance is there, once.
 */
class CaseworkDurabilityIT {

    private static final String ADMIN_PASSWORD = "durability-test-pw";
    private static final String BODY = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, "
            + "\"vendingMachineOnly\": false}, \"applicant\": {\"type\": \"enterprise\", \"id\": \"91350100M000100Y43\"}}";

    @TempDir
    Path workDir;

    @Test
    void aKilledApplicationLosesNothingAndDuplicatesNothing() throws Exception {
        int port = RunningJar.freePort();
        Map<String, String> env = Map.of("ONEWINDOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Map<String, String> keyed = new HashMap<>(RunningJar.basic("admin", ADMIN_PASSWORD));
        keyed.put("Idempotency-Key", "durability-1");

        RunningJar app = RunningJar.start(workDir, port, env);
        HttpResponse<String> created = app.send("POST", "/api/applications", BODY, keyed);
        assertEquals(201, created.statusCode(), created.body());
        String id = field(created.body(), "\"id\":(\\d+)");
        app.kill();

        app = RunningJar.start(workDir, port, env);
        HttpResponse<String> retried = app.send("POST", "/api/applications", BODY, keyed);
        assertEquals(201, retried.statusCode(), retried.body());
        assertEquals(id, field(retried.body(), "\"id\":(\\d+)"), "the retry returns the first application");
        assertEquals("true", retried.headers().firstValue("Idempotent-Replayed").orElse(null));

        for (String code : List.of("food-business-application", "business-licence", "food-facility-layout",
                "food-safety-rules")) {
            HttpResponse<String> marked = app.send("PUT", "/api/applications/" + id + "/materials/" + code,
                    "{\"state\": \"received\"}", RunningJar.basic("admin", ADMIN_PASSWORD));
            assertEquals(200, marked.statusCode(), marked.body());
        }
        HttpResponse<String> accepted = app.send("POST", "/api/applications/" + id + "/accept", "{\"version\": 4}",
                RunningJar.basic("admin", ADMIN_PASSWORD));
        assertEquals(200, accepted.statusCode(), accepted.body());
        // intake decisions arriving together are group-committed (DecisionWriter): every answered one
        // must survive a kill right after the answers
        List<String> decisions = concurrentDecisions(app, 24);
        app.kill();

        app = RunningJar.start(workDir, port, env);
        try {
            HttpResponse<String> read = app.send("GET", "/api/applications/" + id, null,
                    RunningJar.basic("admin", ADMIN_PASSWORD));
            assertEquals(200, read.statusCode(), read.body());
            assertTrue(read.body().contains("\"status\":\"accepted\""), read.body());
            assertEquals(1, count(read.body(), "\"kind\":\"accepted\""), read.body());
            assertEquals(1, count(read.body(), "\"kind\":\"dispatched\""), read.body());
            HttpResponse<String> all = app.send("GET", "/api/applications?q=91350100M000100Y43", null,
                    RunningJar.basic("admin", ADMIN_PASSWORD));
            assertEquals(1, count(all.body(), "\"number\":"), "one application for the applicant: " + all.body());
            for (String decision : decisions) {
                HttpResponse<String> record = app.send("GET", "/api/decision-records/" + decision, null,
                        RunningJar.basic("admin", ADMIN_PASSWORD));
                assertEquals(200, record.statusCode(), "acknowledged decision " + decision + " was lost: " + record.body());
            }
        } finally {
            assertTrue(app.stop(), "the application stops on SIGTERM");
        }
    }

    /** Sends n intake decisions at once (so they are committed in shared batches); the record ids answered. */
    private static List<String> concurrentDecisions(RunningJar app, int n) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(pool.submit(() -> app.send("POST", "/api/intake/evaluate", BODY,
                        Map.of("Content-Type", "application/json"))));
            }
            List<String> ids = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<HttpResponse<String>> f : sent) {
                HttpResponse<String> answer = f.get();
                assertEquals(200, answer.statusCode(), answer.body());
                ids.add(field(answer.body(), "\"decisionId\":(\\d+)"));
            }
            assertEquals(n, new java.util.HashSet<>(ids).size(), "every decision has its own record: " + ids);
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String field(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
