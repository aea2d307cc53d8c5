package org.onewindow.decision;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records each rule-set version that served decisions (decision records refer to it). */
@ApplicationScoped
public class RuleSetVersionStore {

    private static final String UPSERT = """
            INSERT INTO rule_set_version (version, name, effective_from, files)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (version) DO UPDATE SET last_activated = now()
            """;

    @Inject
    DataSource dataSource;

    public void activated(RuleSetVersion version) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, version.version());
            ps.setString(2, version.name());
            ps.setDate(3, Date.valueOf(version.effectiveFrom()));
            ps.setString(4, String.join(",", version.files()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record rule-set version " + version.version(), e);
        }
    }
}
