package org.onewindow.platform;

import java.nio.file.Path;

/**
 * Decides between the operator's PostgreSQL and the embedded one, before Quarkus configuration
 * exists (so it reads the same environment variables and system properties Quarkus will).
 */
public final class DatabaseSettings {

    public static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    public static final String URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";

    private DatabaseSettings() {
    }

    public static boolean externalDatabaseConfigured() {
        return !blank(System.getProperty(URL_PROPERTY)) || !blank(System.getenv(URL_ENV));
    }

    public static Path dataDir() {
        String configured = System.getProperty("onewindow.data.dir", System.getenv("ONEWINDOW_DATA_DIR"));
        return Path.of(blank(configured) ? "data" : configured);
    }

    public static void useEmbedded(EmbeddedDatabase db) {
        System.setProperty(URL_PROPERTY, db.jdbcUrl());
        System.setProperty("quarkus.datasource.username", db.username());
        System.setProperty("quarkus.datasource.password", db.password());
        System.setProperty("onewindow.database.embedded", "true");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
