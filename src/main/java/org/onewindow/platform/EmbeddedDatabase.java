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
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(fresh)
                // the binaries are unpacked once next to the data, not in a shared /tmp that a
                // reboot or tmp-cleaner may empty while the server runs
                .setOverrideWorkingDirectory(dir.resolve("pg-bin").toFile())
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("max_connections", "50")
                .setRegisterShutdownHook(true)
                .start();
        return new EmbeddedDatabase(postgres, dir);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
