package org.onewindow.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Staff login sessions, kept in PostgreSQL: the browser holds only a random id (256 bits) in an
 * HttpOnly cookie; the table holds its SHA-256. Logout ends the session on the server, so a copied
 * cookie stops working at once; an idle session ends after {@code onewindow.session.idle}, any
 * session after {@code onewindow.session.max}; a deactivated account's sessions end with it.
 */
@ApplicationScoped
public class StaffSessions {

    /** The id's shape: 43 base64url characters. */
    public static final String ID_PATTERN = "[A-Za-z0-9_-]{43}";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "onewindow.session.idle", defaultValue = "PT30M")
    Duration idle;

    @ConfigProperty(name = "onewindow.session.max", defaultValue = "PT12H")
    Duration max;

    /** Opens a session for the user; answers the id to put in the cookie (never stored as is). */
    public String open(String username) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO staff_session (id_hash, username) VALUES (?, ?)")) {
            ps.setString(1, hash(id));
            ps.setString(2, username);
            ps.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a session", e);
        }
    }

    /** The account behind a live session, its idle clock restarted; empty when ended, expired or deactivated. */
    public Optional<StaffUser> resume(String id) {
        if (id == null || !id.matches(ID_PATTERN)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            StaffUser user;
            boolean touch;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT u.username, u.display_name, u.roles, u.department, u.active,
                           s.last_seen < now() - interval '20 seconds'
                    FROM staff_session s JOIN staff_user u ON u.username = s.username
                    WHERE s.id_hash = ? AND s.ended_at IS NULL AND u.active
                      AND s.last_seen > now() - make_interval(secs => ?)
                      AND s.created_at > now() - make_interval(secs => ?)
                    """)) {
                ps.setString(1, hash(id));
                ps.setDouble(2, idle.toSeconds());
                ps.setDouble(3, max.toSeconds());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    user = StaffDirectory.user(rs);
                    touch = rs.getBoolean(6);
                }
            }
            if (touch) { // at most one write per session every 20 s, not one per request
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE staff_session SET last_seen = now() WHERE id_hash = ? AND ended_at IS NULL")) {
                    ps.setString(1, hash(id));
                    ps.executeUpdate();
                }
            }
            return Optional.of(user);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the session", e);
        }
    }

    /** Ends one session (logout). */
    public void end(String id) {
        if (id == null || !id.matches(ID_PATTERN)) {
            return;
        }
        update("UPDATE staff_session SET ended_at = now() WHERE id_hash = ? AND ended_at IS NULL", hash(id));
    }

    /** Ends every session of an account (deactivated, password reset, roles changed by an admin). */
    public int endAll(String username) {
        return update("UPDATE staff_session SET ended_at = now() WHERE username = ? AND ended_at IS NULL", username);
    }

    /** Ends every session of an account but one (a password changed from that session). */
    public int endAllBut(String username, String keep) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE staff_session SET ended_at = now() WHERE username = ? AND ended_at IS NULL AND id_hash <> ?")) {
            ps.setString(1, username);
            ps.setString(2, keep == null ? "" : hash(keep));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end sessions", e);
        }
    }

    private int update(String sql, String value) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end sessions", e);
        }
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
