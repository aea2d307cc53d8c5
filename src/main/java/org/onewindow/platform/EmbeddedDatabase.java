package org.onewindow.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server run from the zonky binaries, for a single office with no database
 * server of its own (and for the tests). Its cluster lives in a folder that survives restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The embedded cluster's superuser and password (zonky's; the server listens on loopback only). */
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    /** The database the application uses in that cluster (the one initdb makes). */
    static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts the server on a free port. An existing cluster in {@code dataDir} is reused;
     * {@code fresh} wipes it first (tests).
     */
    public static EmbeddedDatabase start(Path dataDir, boolean fresh) throws IOException {
        return start(dataDir, fresh, 0);
    }

    /** As {@link #start(Path, boolean)}, on a given port (0: any free one) — to restart a server where clients expect it. */
    public static EmbeddedDatabase start(Path dataDir, boolean fresh, int port) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        if (!fresh) {
            claim(dir);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(fresh)
                // the binaries are unpacked once next to the data, not in a shared /tmp that a
                // reboot or tmp-cleaner may empty while the server runs
                .setOverrideWorkingDirectory(dir.resolve("pg-bin").toFile())
                .setPGStartupWait(Duration.ofSeconds(30))
                .setPort(port)
                .setServerConfig("max_connections", "50")
                // zonky starts PostgreSQL for throw-away test data (-F: no fsync, no synchronous commit);
                // an office's applications must survive a power cut, so both are back on — except for
                // the tests' fresh clusters
                .setServerConfig("fsync", fresh ? "off" : "on")
                .setServerConfig("synchronous_commit", fresh ? "off" : "on")
                .setRegisterShutdownHook(true)
                .start();
        return new EmbeddedDatabase(postgres, dir);
    }

    /**
     * Makes the cluster in {@code dataDir} free for this start: stops a server a killed run left
     * behind, refuses one another running OneWindow uses ({@link #stopOrphan}).
     */
    static void claim(Path dataDir) throws IOException {
        stopOrphan(dataDir.toAbsolutePath().normalize().resolve("pg"));
    }

    /**
     * If the application was killed (SIGKILL, power loss of the JVM only), its PostgreSQL server
     * outlives it and still holds the cluster: stop that orphan (a fast shutdown; PostgreSQL's own
     * crash safety covers the rest) so that this start can use the data. A server whose parent is
     * a running JVM belongs to another instance: refuse rather than take its data away.
     */
    static void stopOrphan(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException e) {
            return; // unreadable: PostgreSQL itself judges a stale lock file
        }
        java.util.Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (server.isEmpty()) {
            return; // a stale lock file from a crash: PostgreSQL removes it
        }
        boolean ownedByLiveJvm = server.get().parent().filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command()).map(c -> c.endsWith("/java") || c.endsWith("java.exe")).orElse(false);
        if (ownedByLiveJvm) {
            throw new IOException("the database in " + cluster + " is in use by another running OneWindow (postgres pid "
                    + pid + "); only one instance may use a data folder");
        }
        System.err.println("OneWindow: stopping the embedded PostgreSQL (pid " + pid + ") left running by a killed "
                + "previous run");
        // SIGTERM is a "smart" shutdown, which is enough: the killed application's sessions are gone
        server.get().destroy();
        try {
            server.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            server.get().destroyForcibly();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** A port no one listens on now, for a server about to start ({@link EmbeddedPostgres} picks its own the same way). */
    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
