package org.onewindow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application, as an operator runs it: {@code java -jar quarkus-run.jar} from an
 * empty folder, with no database, rules or knowledge-base configuration (only a free port, so the
 * test can run beside other services). It must start an embedded PostgreSQL in ./data, serve the
 * packaged rules and guides, keep its data across a restart and stop the database on shutdown.
 */
class PackagedJarIT {

    private static final Pattern DECISION_ID = Pattern.compile("\"decisionId\":(\\d+)");

    @TempDir
    Path workDir;

    @Test
    void startsWithNoConfigurationAndKeepsItsDataAcrossRestarts() throws Exception {
        int port = RunningJar.freePort();

        long first = runOnce(port);
        assertTrue(Files.isDirectory(workDir.resolve("data/pg")), "the embedded cluster lives in ./data");
        assertFalse(Files.exists(workDir.resolve("data/pg/postmaster.pid")), "the database stopped with the app");

        assertTrue(Files.exists(workDir.resolve("data/cache/rules/last-served.files")), "the version in force is remembered");
        java.util.Set<Path> firstLogs;
        try (java.util.stream.Stream<Path> logs = Files.list(workDir)) {
            firstLogs = logs.collect(java.util.stream.Collectors.toSet());
        }
        long second = runOnce(port);
        assertTrue(second > first, "decision ids continue after a restart: the data was kept (" + first + " -> " + second + ")");
        // the restart compiled the remembered version from its first moment, and the timeline took it (same files)
        try (java.util.stream.Stream<Path> logs = Files.list(workDir)) {
            Path restart = logs.filter(f -> f.getFileName().toString().endsWith(".log") && !firstLogs.contains(f))
                    .findFirst().orElseThrow();
            assertTrue(Files.readString(restart).contains("the compile begun at process start is used"),
                    "the restart used the rule-set head start: " + restart.getFileName());
        }

        // with no ONEWINDOW_SESSION_KEY the key is made once, kept owner-only in ./data, and never logged
        Path key = workDir.resolve("data/session.key");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String secret = Files.readString(key).strip();
        try (java.util.stream.Stream<Path> logs = Files.list(workDir)) {
            for (Path log : logs.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                String text = Files.readString(log);
                assertFalse(text.contains(secret), "the session key is not in " + log.getFileName());
                String lower = text.toLowerCase(java.util.Locale.ROOT);
                assertFalse(lower.contains("encryption-key") || lower.contains("encryption key"),
                        "no warning that prints or talks of a temporary encryption key: " + log.getFileName());
            }
        }
    }

    /** Starts the jar, makes one decision, stops it; answers the decision id. */
    private long runOnce(int port) throws Exception {
        RunningJar app = RunningJar.start(workDir, port, Map.of());
        try {
            HttpResponse<String> response = app.send("POST", "/api/intake/evaluate",
                    "{\"matters\":[\"food-business-licence\"]}", Map.of());
            assertEquals(200, response.statusCode(), response.body());
            String server = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                    .filter(c -> c.contains(workDir.toString()) && c.contains("bin/postgres")).findFirst().orElse("");
            assertTrue(server.contains("fsync=on") && server.contains("synchronous_commit=on"),
                    "the embedded server writes durably: " + server);
            Matcher id = DECISION_ID.matcher(response.body());
            assertTrue(id.find(), response.body());
            return Long.parseLong(id.group(1));
        } finally {
            assertTrue(app.stop(), "the application stops on SIGTERM");
        }
    }
}
