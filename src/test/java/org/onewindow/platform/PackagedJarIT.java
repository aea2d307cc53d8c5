package org.onewindow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void startsWithNoConfigurationAndKeepsItsDataAcrossRestarts() throws Exception {
        Path jar = Path.of(System.getProperty("onewindow.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        assertTrue(Files.exists(jar), "package the application first: " + jar);
        int port = freePort();

        long first = runOnce(jar, port);
        assertTrue(Files.isDirectory(workDir.resolve("data/pg")), "the embedded cluster lives in ./data");
        assertFalse(Files.exists(workDir.resolve("data/pg/postmaster.pid")), "the database stopped with the app");

        long second = runOnce(jar, port);
        assertTrue(second > first, "decision ids continue after a restart: the data was kept (" + first + " -> " + second + ")");
    }

    /** Starts the jar, waits until ready, makes one decision, stops it; answers the decision id. */
    private long runOnce(Path jar, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("app-" + System.nanoTime() + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("ONEWINDOW_"));
        Process process = builder.start();
        try {
            awaitReady(port, process);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/intake/evaluate")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"matters\":[\"food-business-licence\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            Matcher id = DECISION_ID.matcher(response.body());
            assertTrue(id.find(), response.body());
            return Long.parseLong(id.group(1));
        } finally {
            process.destroy(); // SIGTERM: Quarkus shuts down, then the main method stops PostgreSQL
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the application stops on SIGTERM");
        }
    }

    private void awaitReady(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + "; see " + workDir);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not become ready; see the log in " + workDir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
