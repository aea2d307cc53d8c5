package org.onewindow.platform;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.net.SocketFactory;

/**
 * The socket factory of the embedded database's JDBC address ({@code socketFactory=} in the URL,
 * which the PostgreSQL driver honours): it holds every connection until the embedded PostgreSQL
 * that {@link OneWindowMain} starts on a thread of its own is ready, so that Quarkus can read its
 * configuration and build its beans meanwhile (about half a second of a two-core start) instead of
 * beginning only once the server answers. Once the server is up it is a plain socket factory.
 * <p>
 * If the server failed to start, every connection fails with why — the start then stops at its
 * first database use (Flyway) with that reason.
 */
public final class DatabaseStartGate extends SocketFactory {

    private static volatile CompletableFuture<?> starting = CompletableFuture.completedFuture(null);

    /** Called by the PostgreSQL driver (by name, from the JDBC address). */
    public DatabaseStartGate() {
    }

    /** Connections wait for {@code server} from now on. */
    static void holdUntil(CompletableFuture<?> server) {
        starting = server;
    }

    static void awaitServer() throws IOException {
        try {
            starting.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("the embedded PostgreSQL did not start: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the embedded PostgreSQL was starting");
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        awaitServer();
        return new Socket(); // the driver connects it, with its own timeout
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        awaitServer();
        return new Socket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        awaitServer();
        return new Socket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        awaitServer();
        return new Socket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        awaitServer();
        return new Socket(address, port, localAddress, localPort);
    }
}
