package org.onewindow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded database starts beside Quarkus ({@link OneWindowMain}); connections through its
 * address wait for it ({@link DatabaseStartGate}). Checked with the real PostgreSQL driver and a
 * real embedded server; the whole start is {@code PackagedJarIT}'s.
 */
class DatabaseStartGateTest {

    @AfterEach
    void open() {
        DatabaseStartGate.holdUntil(CompletableFuture.completedFuture(null));
    }

    @Test
    void aConnectionWaitsForTheServerAndThenUsesIt() throws Exception {
        int port = EmbeddedDatabase.freePort();
        CompletableFuture<EmbeddedDatabase> server = new CompletableFuture<>();
        DatabaseStartGate.holdUntil(server);
        CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> {
            try (Connection c = DriverManager.getConnection(DatabaseSettings.embeddedUrl(port), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
                    ResultSet r = c.createStatement().executeQuery("SELECT 41 + 1")) {
                r.next();
                return r.getInt(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // nothing listens on the port yet: without the gate the driver would be refused at once
        assertThrows(TimeoutException.class, () -> answer.get(500, TimeUnit.MILLISECONDS),
                "the connection waits while the server starts");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of("target", "start-gate-db"), true, port)) {
            server.complete(db);
            assertEquals(42, answer.get(60, TimeUnit.SECONDS), "once it is up, the waiting connection is served");
        }
    }

    @Test
    void aServerThatDidNotStartFailsEveryConnectionWithWhy() {
        DatabaseStartGate.holdUntil(CompletableFuture.failedFuture(new IOException("could not bind port 5432")));
        IOException e = assertThrows(IOException.class, () -> new DatabaseStartGate().createSocket());
        assertTrue(e.getMessage().contains("did not start") && e.getMessage().contains("could not bind port 5432"),
                e.getMessage());
    }

    @Test
    void onceUpItIsAPlainSocketFactory() throws IOException {
        try (Socket socket = new DatabaseStartGate().createSocket()) {
            assertFalse(socket.isConnected(), "an unconnected socket: the driver connects it, with its own timeout");
        }
    }
}
