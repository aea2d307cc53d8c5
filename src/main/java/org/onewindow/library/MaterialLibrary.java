package org.onewindow.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * 审批资料共享库: materials a clerk received and verified, kept per applicant (ID number or unified
 * social credit code) until they expire, so that a later intake marks them "we already have these"
 * instead of asking again. Which materials are kept and for how long is the knowledge base's
 * {@code LibraryPolicy}; this class only stores and finds them.
 */
@ApplicationScoped
public class MaterialLibrary {

    private static final String VALID = """
            SELECT id, holder_id, material, source_application, verified_by, verified_at, valid_until
            FROM library_item WHERE holder_id = ? AND NOT revoked AND valid_until >= ?
            ORDER BY material, valid_until DESC
            """;
    private static final String KEEP = """
            INSERT INTO library_item (holder_id, material, source_application, verified_by, valid_until)
            VALUES (?, ?, ?, ?, ?)
            """;
    private static final String REVOKE = "UPDATE library_item SET revoked = TRUE WHERE holder_id = ? AND material = ? AND NOT revoked";

    @Inject
    DataSource dataSource;

    /** The applicant's valid items on a date, one per material (the longest-lived). */
    public Map<String, LibraryItem> holdings(String holderId, LocalDate asOf) {
        if (holderId == null || holderId.isBlank()) {
            return Map.of();
        }
        try (Connection c = dataSource.getConnection()) {
            Map<String, LibraryItem> items = new LinkedHashMap<>();
            for (LibraryItem item : valid(c, holderId, asOf)) {
                items.putIfAbsent(item.material(), item);
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the material library", e);
        }
    }

    /** Every valid item of the applicant, for the clerk's view. */
    public List<LibraryItem> list(String holderId, LocalDate asOf) {
        return List.copyOf(holdings(holderId, asOf).values());
    }

    /**
     * Keeps a verified material, inside the caller's transaction (the acceptance that verified it):
     * an earlier copy of the same material is superseded.
     */
    public void keep(Connection c, String holderId, String material, Long sourceApplication, String verifiedBy,
            LocalDate validUntil) throws SQLException {
        try (PreparedStatement revoke = c.prepareStatement(REVOKE)) {
            revoke.setString(1, holderId);
            revoke.setString(2, material);
            revoke.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(KEEP)) {
            ps.setString(1, holderId);
            ps.setString(2, material);
            if (sourceApplication == null) {
                ps.setNull(3, java.sql.Types.BIGINT);
            } else {
                ps.setLong(3, sourceApplication);
            }
            ps.setString(4, verifiedBy);
            ps.setObject(5, validUntil);
            ps.executeUpdate();
        }
    }

    /** {@link #keep(Connection, String, String, Long, String, LocalDate)} in the current JTA transaction. */
    public void keep(String holderId, String material, Long sourceApplication, String verifiedBy, LocalDate validUntil) {
        try (Connection c = dataSource.getConnection()) {
            keep(c, holderId, material, sourceApplication, verifiedBy, validUntil);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep " + material + " in the library", e);
        }
    }

    /** {@link #revoke(Connection, String, String)} in the current JTA transaction. */
    public void revoke(String holderId, String material) {
        try (Connection c = dataSource.getConnection()) {
            revoke(c, holderId, material);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot revoke " + material + " from the library", e);
        }
    }

    /** Withdraws a kept material (found wrong or outdated), inside the caller's transaction. */
    public void revoke(Connection c, String holderId, String material) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REVOKE)) {
            ps.setString(1, holderId);
            ps.setString(2, material);
            ps.executeUpdate();
        }
    }

    private static List<LibraryItem> valid(Connection c, String holderId, LocalDate asOf) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(VALID)) {
            ps.setString(1, holderId);
            ps.setObject(2, asOf);
            List<LibraryItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long source = rs.getLong(4);
                    items.add(new LibraryItem(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.wasNull() ? null : source, rs.getString(5), rs.getObject(6, OffsetDateTime.class),
                            rs.getObject(7, LocalDate.class)));
                }
            }
            return items;
        }
    }
}
