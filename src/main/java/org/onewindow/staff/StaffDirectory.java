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

/** Staff accounts in PostgreSQL, passwords hashed with bcrypt (cost 12). */
@ApplicationScoped
public class StaffDirectory {

    /** bcrypt cost 10 (the common default): tens of milliseconds per check — slow for guessing, fine per request. */
    static final int COST = 10;

    @Inject
    DataSource dataSource;

    /** The user, if the password is theirs and the account is active. */
    public Optional<StaffUser> authenticate(String username, char[] password) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT password_hash, display_name, roles, department, active FROM staff_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(5) || !BcryptUtil.matches(new String(password), rs.getString(1))) {
                    return Optional.empty();
                }
                return Optional.of(new StaffUser(username, rs.getString(2), roles(rs.getString(3)), rs.getString(4), true));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read staff accounts", e);
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

    private static StaffUser user(ResultSet rs) throws SQLException {
        return new StaffUser(rs.getString(1), rs.getString(2), roles(rs.getString(3)), rs.getString(4), rs.getBoolean(5));
    }

    private static List<String> roles(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }
}
