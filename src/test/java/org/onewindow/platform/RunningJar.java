package org.onewindow.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged application as an operator runs it — {@code java -jar quarkus-run.jar} in a working
 * folder, with only the given environment — for integration tests that stop, kill and restart it.
 */
final class RunningJar {

    static final Path JAR = Path.of(System.getProperty("onewindow.jar", "target/quarkus-app/quarkus-run.jar"))
            .toAbsolutePath();

    /** The Java running the tests: the application runs on the same Java unless a test names another. */
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static final Path JAVA_BIN = JAVA_HOME.resolve("bin");

    /** The start script the README gives, beside the pom. */
    static final Path RUN_SCRIPT = Path.of("run.sh").toAbsolutePath();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Path workDir;
    private final int port;
    private final Process process;
    private final Path log;

    private RunningJar(Path workDir, int port, Process process, Path log) {
        this.workDir = workDir;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the jar in {@code workDir} on {@code port} and waits until it is ready. */
    static RunningJar start(Path workDir, int port, Map<String, String> env) throws Exception {
        return started(workDir, port, env, new ProcessBuilder(JAVA_BIN.resolve("java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", JAR.toString()));
    }

    /**
     * Starts the packaged folder through {@code run.sh} (with this test's Java first on the PATH),
     * the class-data archive at {@code archive}, {@code javaOpts} as JAVA_OPTS; waits until ready.
     * run.sh execs the JVM, so the process is the JVM itself.
     */
    static RunningJar startWithRunScript(Path workDir, int port, Path archive, String javaOpts) throws Exception {
        return startWithRunScript(workDir, port, archive, javaOpts, JAVA_HOME);
    }

    /** The same, with JAVA_HOME set to {@code javaHome} (run.sh runs on JAVA_HOME's Java when it is set). */
    static RunningJar startWithRunScript(Path workDir, int port, Path archive, String javaOpts, Path javaHome)
            throws Exception {
        return started(workDir, port, Map.of(
                "PATH", JAVA_BIN + java.io.File.pathSeparator + System.getenv("PATH"),
                "JAVA_HOME", javaHome.toString(),
                "ONEWINDOW_APP", JAR.getParent().toString(),
                "ONEWINDOW_APPCDS", archive.toString(),
                "JAVA_OPTS", javaOpts + " -Dquarkus.http.port=" + port), new ProcessBuilder("sh", RUN_SCRIPT.toString()));
    }

    /**
     * A Java of at least {@code feature} to run the application on: the folder the system property
     * {@code onewindow.aot.java.home} names, else the first one under /usr/lib/jvm (where Debian and
     * Temurin's packages put them; this machine kind has Temurin's 25 beside OpenJDK 17).
     */
    static Optional<Path> javaHomeAtLeast(int feature) throws IOException {
        String named = System.getProperty("onewindow.aot.java.home", "");
        List<Path> candidates = new ArrayList<>();
        if (!named.isBlank()) {
            candidates.add(Path.of(named));
        } else if (Files.isDirectory(Path.of("/usr/lib/jvm"))) {
            try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
                homes.sorted().forEach(candidates::add);
            }
        }
        for (Path home : candidates) {
            Path release = home.resolve("release");
            if (Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(release)) {
                Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)")
                        .matcher(Files.readString(release));
                if (version.find() && Integer.parseInt(version.group(1)) >= feature) {
                    return Optional.of(home);
                }
            }
        }
        return Optional.empty();
    }

    private static RunningJar started(Path workDir, int port, Map<String, String> env, ProcessBuilder builder) throws Exception {
        if (!Files.exists(JAR)) {
            throw new AssertionError("package the application first: " + JAR);
        }
        Path log = workDir.resolve("app-" + System.nanoTime() + ".log");
        builder.directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("ONEWINDOW_") || k.equals("JAVA_OPTS"));
        builder.environment().putAll(env);
        RunningJar jar = new RunningJar(workDir, port, builder.start(), log);
        jar.awaitReady();
        return jar;
    }

    /** The running process's command line, as the kernel reports it. */
    String commandLine() {
        return process.toHandle().info().commandLine().orElseThrow(() -> new AssertionError("no command line for " + process.pid()));
    }

    /** Whether the process has {@code file} mapped into its memory (/proc/PID/maps). */
    boolean mapsFile(Path file) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(process.pid()), "maps")).contains(file.toString());
    }

    /** What the process wrote to stdout and stderr so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts an HTML form (application/x-www-form-urlencoded). */
    HttpResponse<String> sendForm(String path, String form, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::setHeader);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
    }

    /** SIGTERM: Quarkus shuts down, then the main method stops PostgreSQL. */
    boolean stop() throws InterruptedException {
        process.destroy();
        // (a Java 25 training run assembles its AOT cache in a second JVM before it exits: ~15 s)
        return process.waitFor(120, TimeUnit.SECONDS);
    }

    /** SIGKILL: no shutdown hook runs; the embedded PostgreSQL is left running as an orphan. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitReady() throws Exception {
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
}
