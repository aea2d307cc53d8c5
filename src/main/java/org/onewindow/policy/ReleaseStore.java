package org.onewindow.policy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The policy console's tables (V10): versions ({@code rule_set_release}), the files of drafts, and
 * the audit trail. Published files are not here: they are the content-addressed files of their
 * rule-set version ({@code rule_set_file}). Each method is one transaction; publishing notifies the
 * other nodes ({@code NOTIFY onewindow_rulesets}) in the same transaction, so they hear of it only
 * once it is committed.
 */
@ApplicationScoped
public class ReleaseStore {

    static final String CHANNEL = "onewindow_rulesets";
    private static final String COLUMNS = "id, status, version, based_on, rolled_back_from, effective_from, author, "
            + "last_editor, published_by, published_at, comment, created_at";

    /** One audit entry: who did what to a version, when and why. */
    public record AuditEntry(long id, long release, OffsetDateTime at, String actor, String action, String comment,
            String detail) {
    }

    @Inject
    DataSource dataSource;

    public List<Release> list() {
        return query("SELECT " + COLUMNS + " FROM rule_set_release ORDER BY id DESC", ps -> { });
    }

    /** Published versions (scheduled, active, superseded) by effective day and publishing order. */
    public List<Release> published() {
        return query("SELECT " + COLUMNS + " FROM rule_set_release WHERE status <> 'draft' ORDER BY effective_from, id",
                ps -> { });
    }

    public Optional<Release> find(long id) {
        return query("SELECT " + COLUMNS + " FROM rule_set_release WHERE id = ?", ps -> ps.setLong(1, id)).stream()
                .findFirst();
    }

    /** A new draft with these files; the author is its first editor. */
    public long createDraft(Long basedOn, String author, String comment, Map<String, byte[]> files) {
        return transaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_set_release (status, based_on, author, "
                    + "last_editor, comment) VALUES ('draft', ?, ?, ?, ?) RETURNING id")) {
                ps.setObject(1, basedOn, Types.BIGINT);
                ps.setString(2, author);
                ps.setString(3, author);
                ps.setString(4, comment);
                id = single(ps);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO rule_set_draft_file (release_id, path, content) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    ps.setLong(1, id);
                    ps.setString(2, f.getKey());
                    ps.setBytes(3, f.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            audit(c, id, author, "created", comment, basedOn == null ? null : "{\"from\": " + basedOn + "}");
            return id;
        });
    }

    /** The files of a draft, by path. */
    public Map<String, byte[]> draftFiles(long id) {
        Map<String, byte[]> files = new TreeMap<>();
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT path, content FROM rule_set_draft_file WHERE release_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        files.put(rs.getString(1), rs.getBytes(2));
                    }
                }
            }
            return null;
        });
        return files;
    }

    /**
     * Replaces one file of a draft and makes the editor its last editor. False when the version is
     * no longer a draft (it was published meanwhile): nothing is written.
     */
    public boolean putDraftFile(long id, String path, byte[] content, String editor) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rule_set_release SET last_editor = ? "
                    + "WHERE id = ? AND status = 'draft'")) {
                ps.setString(1, editor);
                ps.setLong(2, id);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_set_draft_file (release_id, path, content) "
                    + "VALUES (?, ?, ?) ON CONFLICT (release_id, path) DO UPDATE SET content = EXCLUDED.content")) {
                ps.setLong(1, id);
                ps.setString(2, path);
                ps.setBytes(3, content);
                ps.executeUpdate();
            }
            audit(c, id, editor, "edited", null, "{\"file\": " + json(path) + "}");
            return true;
        });
    }

    /**
     * Publishes a draft as rule-set {@code version} (whose files are recorded already): its files
     * become that version's, its draft files go. False when it is no longer a draft.
     */
    public boolean publishDraft(long id, String version, LocalDate from, String status, String by, String comment) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rule_set_release SET status = ?, version = ?, "
                    + "effective_from = ?, published_by = ?, published_at = now(), comment = ? WHERE id = ? AND status = 'draft'")) {
                ps.setString(1, status);
                ps.setString(2, version);
                ps.setDate(3, Date.valueOf(from));
                ps.setString(4, by);
                ps.setString(5, comment);
                ps.setLong(6, id);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM rule_set_draft_file WHERE release_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            audit(c, id, by, "published", comment, "{\"effectiveFrom\": \"" + from + "\", \"version\": " + json(version) + "}");
            notifyNodes(c, id);
            return true;
        });
    }

    /**
     * A version published directly, without a draft: the rules folder's first version, a reload of
     * the folder, a rollback to an older version's content.
     */
    public long insertPublished(String version, LocalDate from, String status, String by, String comment,
            Long rolledBackFrom, String action) {
        return transaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_set_release (status, version, based_on, "
                    + "rolled_back_from, effective_from, author, last_editor, published_by, published_at, comment) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), ?) RETURNING id")) {
                ps.setString(1, status);
                ps.setString(2, version);
                ps.setObject(3, rolledBackFrom, Types.BIGINT);
                ps.setObject(4, rolledBackFrom, Types.BIGINT);
                ps.setDate(5, Date.valueOf(from));
                ps.setString(6, by);
                ps.setString(7, by);
                ps.setString(8, by);
                ps.setString(9, comment);
                id = single(ps);
            }
            audit(c, id, by, action, comment, "{\"effectiveFrom\": \"" + from + "\", \"version\": " + json(version)
                    + (rolledBackFrom == null ? "" : ", \"from\": " + rolledBackFrom) + "}");
            notifyNodes(c, id);
            return id;
        });
    }

    /** Whether any version was ever published (else the rules folder seeds the first). */
    public boolean anyPublished() {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rule_set_release WHERE status <> 'draft' LIMIT 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /**
     * Seeds the first version once, however many nodes start at the same moment: a transaction-level
     * advisory lock makes the others wait and then find it.
     */
    public boolean seedOnce(java.util.function.Supplier<String> version, LocalDate from, String comment) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(1101)")) {
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rule_set_release WHERE status <> 'draft' LIMIT 1");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_set_release (status, version, effective_from, "
                    + "author, last_editor, published_by, published_at, comment) VALUES ('active', ?, ?, 'system', 'system', "
                    + "'system', now(), ?) RETURNING id")) {
                ps.setString(1, version.get());
                ps.setDate(2, Date.valueOf(from));
                ps.setString(3, comment);
                id = single(ps);
            }
            audit(c, id, "system", "seeded", comment, null);
            return true;
        });
    }

    /** Sets the stored status of published versions to what their days make them (idempotent on every node). */
    public void syncStatuses(Map<Long, String> statuses) {
        transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE rule_set_release SET status = ? WHERE id = ? AND status <> ? AND status <> 'draft'")) {
                for (Map.Entry<Long, String> s : statuses.entrySet()) {
                    ps.setString(1, s.getValue());
                    ps.setLong(2, s.getKey());
                    ps.setString(3, s.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public void audit(long id, String actor, String action, String comment, String detailJson) {
        transaction(c -> {
            audit(c, id, actor, action, comment, detailJson);
            return null;
        });
    }

    public List<AuditEntry> audit(long id) {
        List<AuditEntry> entries = new ArrayList<>();
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, release_id, at, actor, action, comment, "
                    + "detail::text FROM rule_set_audit WHERE release_id = ? ORDER BY id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return null;
        });
        return entries;
    }

    /** A recorded intake: its record id, the situation and the outcome as recorded (JSON). */
    public record RecordedIntake(long id, String situation, String outcome) {
    }

    /**
     * The last rows of decision_record and the records of the latest batches (V75; a batch holds at
     * least one), newest first: each part read by an index (the rows' primary key, the batches'
     * decided_at), not every batch's JSON. By time, not id: a batched record's id (from 2^34) says
     * nothing of its age against a row's, nor against another node's batches (each node takes batch
     * ids 64 at a time). The conditions on batch_id let PostgreSQL leave the other kind out.
     */
    private static final String RECENT_INTAKES = """
            SELECT id, inputs::text, outcome::text, outcome_zlib FROM (
                (SELECT id, decided_at, inputs, outcome, outcome_zlib FROM decision_record_outcome
                 WHERE batch_id IS NULL ORDER BY id DESC LIMIT ?)
                UNION ALL
                (SELECT id, decided_at, inputs, outcome, outcome_zlib FROM decision_record_outcome
                 WHERE batch_id IS NOT NULL AND decided_at >= (SELECT min(decided_at) FROM
                     (SELECT decided_at FROM decision_batch ORDER BY decided_at DESC LIMIT ?) last))
            ) recent ORDER BY decided_at DESC, id DESC LIMIT ?
            """;

    /** The last recorded intakes, newest first. */
    public List<RecordedIntake> recentIntakes(int limit) {
        List<RecordedIntake> out = new ArrayList<>();
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement(RECENT_INTAKES)) {
                ps.setInt(1, limit);
                ps.setInt(2, limit);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RecordedIntake(rs.getLong(1), rs.getString(2),
                                org.onewindow.intake.DecisionLog.outcomeJson(rs.getString(3), rs.getBytes(4))));
                    }
                }
            }
            return null;
        });
        return out;
    }

    // --- plumbing ---------------------------------------------------------------------------

    private static void audit(Connection c, long id, String actor, String action, String comment, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_set_audit (release_id, actor, action, comment, "
                + "detail) VALUES (?, ?, ?, ?, CAST(? AS jsonb))")) {
            ps.setLong(1, id);
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, comment);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
    }

    private static void notifyNodes(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            ps.setString(1, Long.toString(id));
            ps.execute();
        }
    }

    static String json(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Release> query(String sql, Binder binder) {
        List<Release> out = new ArrayList<>();
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Date from = rs.getDate(6);
                        out.add(new Release(rs.getLong(1), rs.getString(2), rs.getString(3),
                                (Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class),
                                from == null ? null : from.toLocalDate(), rs.getString(7), rs.getString(8),
                                rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getString(11),
                                rs.getObject(12, OffsetDateTime.class)));
                    }
                }
            }
            return null;
        });
        return out;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("rule-set versions: " + e.getMessage(), e);
        }
    }

    private <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rule-set versions: " + e.getMessage(), e);
        }
    }
}
