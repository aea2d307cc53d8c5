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

    /**
     * Points the datasource at the embedded server that is starting on {@code port}: the address
     * {@link EmbeddedDatabase#jdbcUrl()} will have, with {@link DatabaseStartGate} as its socket
     * factory, so connections wait until the server answers.
     */
    public static void useEmbedded(int port) {
        System.setProperty(URL_PROPERTY, embeddedUrl(port));
        System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
        System.setProperty("quarkus.datasource.password", EmbeddedDatabase.PASSWORD);
        System.setProperty("onewindow.database.embedded", "true");
    }

    /** The JDBC address of an embedded server on {@code port}, whose connections wait for it to be up. */
    static String embeddedUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE + "?user=" + EmbeddedDatabase.USER + "&socketFactory=" + DatabaseStartGate.class.getName();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
