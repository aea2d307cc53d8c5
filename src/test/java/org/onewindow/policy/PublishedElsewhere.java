package org.onewindow.policy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

/**
 * A rule-set version published straight into the database, as another node (or another build)
 * would while this one is not looking — and removed again after the test.
 */
final class PublishedElsewhere {

    private PublishedElsewhere() {
    }

    /** Publishes {@code files} as {@code version}, active from {@code from}; the release id. */
    static long publish(DataSource dataSource, String version, String name, LocalDate from, Map<String, byte[]> files,
            String comment) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "INSERT INTO rule_set_version (version, name, effective_from, files) VALUES (?, ?, ?, ?)",
                    version, name, java.sql.Date.valueOf(from), String.join(",", files.keySet()));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                execute(c, "INSERT INTO rule_set_file (version, path, content) VALUES (?, ?, ?)", version, f.getKey(), f.getValue());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_set_release (status, version, "
                    + "effective_from, author, last_editor, published_by, published_at, comment) VALUES ('active', ?, ?, "
                    + "'elsewhere', 'elsewhere', 'elsewhere', now(), ?) RETURNING id")) {
                ps.setString(1, version);
                ps.setDate(2, java.sql.Date.valueOf(from));
                ps.setString(3, comment);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    /** Removes what {@link #publish} wrote. */
    static void remove(DataSource dataSource, long release, String version) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "DELETE FROM rule_set_audit WHERE release_id = ?", release);
            execute(c, "DELETE FROM rule_set_release WHERE id = ?", release);
            execute(c, "DELETE FROM rule_set_file WHERE version = ?", version);
            execute(c, "DELETE FROM rule_set_version WHERE version = ?", version);
        }
    }

    private static void execute(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
