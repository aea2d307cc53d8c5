package org.onewindow.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Staff accounts in PostgreSQL, passwords hashed with bcrypt. */
@ApplicationScoped
public class StaffDirectory {

    /** bcrypt cost 10 (the common default): tens of milliseconds per check — slow for guessing, fine per request. */
    static final int COST = 10;

    @Inject
    DataSource dataSource;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /**
     * The user, if the password is theirs and the account is active. Takes the same time whether
     * or not the name exists: an unknown or inactive name is checked against a dummy hash, so the
     * answer's timing does not tell which names are accounts.
     */
    public Optional<StaffUser> authenticate(String username, char[] password) {
        String given = new String(password);
        // counted so that tests and dashboards can see every attempt costs one bcrypt check, known name or not
        metrics.counter("onewindow.staff.password.checks").increment();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT password_hash, display_name, roles, department, active FROM staff_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    BcryptUtil.matches(given, DummyHash.VALUE);
                    return Optional.empty();
                }
                boolean matches = BcryptUtil.matches(given, rs.getString(1));
                if (!matches || !rs.getBoolean(5)) {
                    return Optional.empty();
                }
                return Optional.of(new StaffUser(username, rs.getString(2), roles(rs.getString(3)), rs.getString(4), true));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read staff accounts", e);
        }
    }

    /** A bcrypt hash of a random password at the same cost, made once. */
    private static final class DummyHash {
        static final String VALUE = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString(), COST);
    }

    /** Changes an account's name, roles, department or active flag (null leaves a field as it is). */
    public boolean update(String username, String displayName, List<String> roles, String department,
            boolean setDepartment, Boolean active) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE staff_user SET display_name = coalesce(?, display_name), roles = coalesce(?, roles),
                    department = CASE WHEN ? THEN ? ELSE department END, active = coalesce(?, active)
                WHERE username = ?
                """)) {
            ps.setString(1, displayName);
            ps.setString(2, roles == null ? null : String.join(",", roles));
            ps.setBoolean(3, setDepartment);
            ps.setString(4, department);
            ps.setObject(5, active);
            ps.setString(6, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change staff account " + username, e);
        }
    }

    /** Sets a new password (the caller checked it against {@link PasswordPolicy}). */
    public boolean setPassword(String username, String password) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE staff_user SET password_hash = ?, password_changed_at = now() WHERE username = ?")) {
            ps.setString(1, BcryptUtil.bcryptHash(password, COST));
            ps.setString(2, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the password of " + username, e);
        }
    }

    public Optional<StaffUser> find(String username) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT username, display_name, roles, department, active FROM staff_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read staff accounts", e);
        }
    }

    public List<StaffUser> list() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT username, display_name, roles, department, active FROM staff_user ORDER BY username");
                ResultSet rs = ps.executeQuery()) {
            List<StaffUser> users = new ArrayList<>();
            while (rs.next()) {
                users.add(user(rs));
            }
            return users;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read staff accounts", e);
        }
    }

    /**
     * Creates an account; false when the username is taken (the existing account is left alone).
     * The caller validates the fields.
     */
    public boolean create(String username, String password, String displayName, List<String> roles, String department) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO staff_user (username, password_hash, display_name, roles, department)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING
                """)) {
            ps.setString(1, username);
            ps.setString(2, BcryptUtil.bcryptHash(password, COST));
            ps.setString(3, displayName);
            ps.setString(4, String.join(",", roles));
            ps.setString(5, department);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create staff account " + username, e);
        }
    }

    static StaffUser user(ResultSet rs) throws SQLException {
        return new StaffUser(rs.getString(1), rs.getString(2), roles(rs.getString(3)), rs.getString(4), rs.getBoolean(5));
    }

    private static List<String> roles(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }
}
