package org.onewindow.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts OneWindow. With no database configured ({@code QUARKUS_DATASOURCE_JDBC_URL} unset) it
 * starts an embedded PostgreSQL whose data lives in {@code ./data} (or {@code ONEWINDOW_DATA_DIR})
 * beside Quarkus, hands its address to Quarkus (connections wait for the server:
 * {@link DatabaseStartGate}), and stops it when Quarkus stops. This runs before Quarkus reads its
 * configuration, which is why it is a main method and not a startup bean: the datasource and
 * Flyway need the address while they start.
 */
@QuarkusMain
public class OneWindowMain {

    public static void main(String... args) throws Exception {
        // every start-up cache is keyed by a hash of the application's code (a few MB of jar): hash it
        // while PostgreSQL and Quarkus start, instead of on the rule compile's and knowledge base's path
        Thread identify = new Thread(CodeIdentity::get, "code-identity");
        identify.setDaemon(true);
        identify.start();
        // the rule set served last is compiled again while PostgreSQL and Quarkus start; the
        // application uses it only if the version it then reads from the database has exactly those files
        for (EarlyStart early : ServiceLoader.load(EarlyStart.class, OneWindowMain.class.getClassLoader())) {
            early.begin(EarlyStart.cacheDir(), !DatabaseSettings.externalDatabaseConfigured()
                    && !Files.isDirectory(DatabaseSettings.dataDir().resolve("pg")));
        }
        if (DatabaseSettings.externalDatabaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        // PostgreSQL starts on a thread of its own while Quarkus reads its configuration and builds
        // its beans; the first connection (Flyway's) waits for it (DatabaseStartGate)
        Path dataDir = DatabaseSettings.dataDir();
        EmbeddedDatabase.claim(dataDir); // a data folder in use is refused before anything starts
        int port = EmbeddedDatabase.freePort();
        CompletableFuture<EmbeddedDatabase> server = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                server.complete(EmbeddedDatabase.start(dataDir, false, port));
            } catch (IOException | RuntimeException | Error e) {
                System.err.println("OneWindow: the embedded PostgreSQL did not start: " + e.getMessage());
                server.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        starter.start();
        DatabaseStartGate.holdUntil(server);
        DatabaseSettings.useEmbedded(port);
        try {
            Quarkus.run(args);
        } finally {
            try {
                server.join().close();
            } catch (java.util.concurrent.CompletionException e) {
                // it never started: nothing to stop (and the start failed with why)
            }
        }
    }
}
