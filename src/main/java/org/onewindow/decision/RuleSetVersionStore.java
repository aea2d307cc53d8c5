package org.onewindow.decision;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records each rule-set version that served decisions, with the full content of its files
 * (decision records refer to the version; a decision can be replayed against these files).
 */
@ApplicationScoped
public class RuleSetVersionStore {

    private static final String UPSERT = """
            INSERT INTO rule_set_version (version, name, effective_from, files)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (version) DO UPDATE SET last_activated = now()
            """;
    private static final String FILE = """
            INSERT INTO rule_set_file (version, path, content) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
            """;
    private static final String FILES = "SELECT path, content FROM rule_set_file WHERE version = ? ORDER BY path";

    @Inject
    DataSource dataSource;

    /** Records that a rule set now serves: its version and, the first time, every file. One transaction. */
    public void activated(RuleSet ruleSet) {
        RuleSetVersion version = ruleSet.version();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setString(1, version.version());
                ps.setString(2, version.name());
                ps.setDate(3, Date.valueOf(version.effectiveFrom()));
                ps.setString(4, String.join(",", version.files()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(FILE)) {
                for (Map.Entry<String, byte[]> f : ruleSet.files().entrySet()) {
                    ps.setString(1, version.version());
                    ps.setString(2, f.getKey());
                    ps.setBytes(3, f.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record rule-set version " + version.version(), e);
        }
    }

    /** The files of a recorded version, by relative path; empty if the version is unknown. */
    public Optional<Map<String, byte[]>> files(String version) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FILES)) {
            ps.setString(1, version);
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.put(rs.getString(1), rs.getBytes(2));
                }
            }
            return files.isEmpty() ? Optional.empty() : Optional.of(files);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read rule-set version " + version, e);
        }
    }
}
