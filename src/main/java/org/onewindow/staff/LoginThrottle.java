package org.onewindow.staff;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failed logins slow down, then lock, the account name tried — whether an account of that name
 * exists or not, so the answer never tells — and, with more room because an office shares one
 * address, the client that tried it. Counted in PostgreSQL with the database's clock, so every node
 * of a cluster sees the same attempts. Failures older than the window are forgotten.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "onewindow.login.free-failures", defaultValue = "3")
    int freeFailures;

    @ConfigProperty(name = "onewindow.login.lock-after", defaultValue = "10")
    int lockAfter;

    @ConfigProperty(name = "onewindow.login.client-free-failures", defaultValue = "10")
    int clientFreeFailures;

    @ConfigProperty(name = "onewindow.login.client-lock-after", defaultValue = "30")
    int clientLockAfter;

    @ConfigProperty(name = "onewindow.login.lock", defaultValue = "PT15M")
    Duration lock;

    @ConfigProperty(name = "onewindow.login.window", defaultValue = "PT15M")
    Duration window;

    /** Seconds this account name or this client must still wait before another try; 0 = go ahead. */
    public long waitSeconds(String username, String client) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT ceil(extract(epoch FROM max(blocked_until) - now())) FROM login_throttle
                WHERE throttle_key = ANY (?) AND blocked_until > now()
                """)) {
            Array keys = c.createArrayOf("varchar", new Object[] {userKey(username), clientKey(client)});
            ps.setArray(1, keys);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Math.max(0, rs.getLong(1)) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the login throttle", e);
        }
    }

    /** Counts a failed attempt against the name and the client; answers the seconds to wait now. */
    public long failed(String username, String client) {
        try (Connection c = dataSource.getConnection()) {
            long user = count(c, userKey(username), freeFailures, lockAfter);
            long byClient = count(c, clientKey(client), clientFreeFailures, clientLockAfter);
            if (ThreadLocalRandom.current().nextInt(100) == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM login_throttle WHERE last_failure < now() - interval '1 day'")) {
                    ps.executeUpdate();
                }
            }
            return Math.max(user, byClient);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count a failed login", e);
        }
    }

    /** A correct password clears the account name's count (not the client's). */
    public void succeeded(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM login_throttle WHERE throttle_key = ?")) {
            ps.setString(1, userKey(username));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the login throttle", e);
        }
    }

    private long count(Connection c, String key, int free, int lockAt) throws SQLException {
        int failures;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO login_throttle AS t (throttle_key, failures, last_failure) VALUES (?, 1, now())
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN t.last_failure < now() - make_interval(secs => ?) THEN 1 ELSE t.failures + 1 END,
                    last_failure = now()
                RETURNING failures
                """)) {
            ps.setString(1, key);
            ps.setDouble(2, window.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                failures = rs.getInt(1);
            }
        }
        long seconds = delay(failures, free, lockAt);
        if (seconds > 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE login_throttle SET blocked_until = now() + make_interval(secs => ?) WHERE throttle_key = ?")) {
                ps.setDouble(1, seconds);
                ps.setString(2, key);
                ps.executeUpdate();
            }
        }
        return seconds;
    }

    /** No wait for the first few failures, then 1, 2, 4 … seconds (at most a minute), then the lock. */
    long delay(int failures, int free, int lockAt) {
        if (failures >= lockAt) {
            return lock.toSeconds();
        }
        if (failures <= free) {
            return 0;
        }
        return Math.min(60, 1L << Math.min(6, failures - free - 1));
    }

    static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > 150 ? name.substring(0, 150) : name);
    }

    static String clientKey(String client) {
        return "client:" + (client == null ? "unknown" : client.length() > 150 ? client.substring(0, 150) : client);
    }
}
