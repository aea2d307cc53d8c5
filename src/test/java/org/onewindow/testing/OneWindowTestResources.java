package org.onewindow.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

import org.onewindow.platform.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What every Quarkus test runs against: a real embedded PostgreSQL 17 (fresh cluster under
 * {@code target/}), and a working copy of the shipped rules plus the test-only DMN model, so that
 * tests may edit rule files (hot reload) without touching the repository.
 */
public class OneWindowTestResources implements QuarkusTestResourceLifecycleManager {

    public static final Path RULES = Path.of("target", "test-rules").toAbsolutePath();
    private EmbeddedDatabase db;

    @Override
    public Map<String, String> start() {
        try {
            db = EmbeddedDatabase.start(Path.of("target", "test-db"), true);
            resetRules();
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare test resources", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password(),
                "onewindow.rules.dir", RULES.toString(),
                // the shipped scenario suite: the publish gate runs it (the working rules folder holds rule files only)
                "onewindow.scenarios.dir", Path.of("rules", "scenarios").toAbsolutePath().toString(),
                "onewindow.admin.password", TestStaff.ADMIN_PASSWORD);
    }

    /** Restores the working rules folder to the shipped rules plus the test model. */
    public static void resetRules() throws IOException {
        Files.createDirectories(RULES);
        try (Stream<Path> old = Files.walk(RULES)) {
            for (Path p : old.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
        TestFiles.copyShippedRules(RULES);
        copyFiles(Path.of("src", "test", "resources", "extra-rules"), RULES);
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public void stop() {
        try {
            if (db != null) {
                db.close();
            }
        } catch (IOException ignored) {
            // the cluster lives under target/ and is wiped on the next start
        }
    }
}
