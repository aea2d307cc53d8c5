package org.onewindow.intake;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The decisions of one group commit stored as rows of {@code decision_batch} (V75): one row per
 * rule-set version and release among them (one, but for the moment a new version goes live), its
 * records as a JSON array (UTF-8 bytes) and their outcomes' hashes in the same order. Each record's
 * id is {@link #BATCHED_FROM} + batch id × {@link #PER_BATCH} + its place, and its reference that id
 * enciphered ({@link ReferenceCipher}): nothing to retry, no index entry per decision. Used by the writer thread only.
 */
final class DecisionBatches {

    /** Record ids of batched decisions start here; decision_record's own ids stay below. */
    static final long BATCHED_FROM = 1L << 34;

    /** At most this many records in a batch row: a record's place takes 7 bits of its id. */
    static final int PER_BATCH = 128;

    static final String INSERT = """
            INSERT INTO decision_batch (id, rule_set_version, rule_set_release, outcome_hashes, records)
            VALUES (?, ?, ?, ?, ?)
            """;

    /**
     * {@link #INSERT} with the outcomes not stored yet inserted first, in the same statement (a
     * concurrent insert of the same outcome waits, then does nothing). With autocommit the whole
     * group commit is then one round trip to PostgreSQL: the statement and its commit.
     */
    static final String INSERT_WITH_OUTCOMES = """
            WITH stored AS (INSERT INTO decision_outcome (hash, outcome_zlib)
                            SELECT * FROM unnest(?::bytea[], ?::bytea[]) ON CONFLICT DO NOTHING)
            """ + INSERT;

    /** Batch ids taken from the sequence at a time: one round trip for many commits. */
    private static final int IDS_AT_A_TIME = 64;

    private final ArrayDeque<Long> ids = new ArrayDeque<>();
    private ReferenceCipher cipher;

    /** The batch a batched record's id belongs to, or -1 if the id is not one of a batch. */
    static long batchOf(long id) {
        return id >= BATCHED_FROM && id < 1L << ReferenceCipher.BITS ? (id - BATCHED_FROM) / PER_BATCH : -1;
    }

    /** The key of {@code decision_reference_key}, as a cipher. */
    static ReferenceCipher cipher(Connection c) throws SQLException {
        return cipher(key(c));
    }

    /** A cipher of the key {@link #key} read; refused when there was none. */
    static ReferenceCipher cipher(byte[] key) throws SQLException {
        if (key == null) {
            throw new SQLException("decision_reference_key is empty (migration V75 draws it)");
        }
        return new ReferenceCipher(key);
    }

    /** The key of {@code decision_reference_key} (drawn once by V75, never changed), or null if it is missing. */
    static byte[] key(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT key FROM decision_reference_key");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    /** Whether the rows make one batch row, so {@link #insert} is one statement (one version and release, ≤ 128). */
    static boolean oneStatement(List<DecisionWriter.Row> rows) {
        DecisionWriter.Row first = rows.get(0);
        return rows.size() <= PER_BATCH && rows.stream().allMatch(r -> r.ruleSetVersion().equals(first.ruleSetVersion())
                && Objects.equals(r.ruleSetRelease(), first.ruleSetRelease()));
    }

    /** {@link #insert(Connection, List, List)} with every outcome stored already. */
    DecisionWriter.Stored[] insert(Connection c, List<DecisionWriter.Row> rows) throws SQLException {
        return insert(c, rows, List.of());
    }

    /**
     * Inserts the rows (at most {@link #PER_BATCH} of one version and release per batch row), the
     * outcomes of {@code outcomes} first, in the same statement as the first batch row. More than one
     * statement ({@link #oneStatement} false) needs the connection in a transaction. Answers each
     * row's id and reference, in order.
     */
    DecisionWriter.Stored[] insert(Connection c, List<DecisionWriter.Row> rows, List<DecisionWriter.Row> outcomes)
            throws SQLException {
        if (cipher == null) {
            cipher = cipher(c);
        }
        DecisionWriter.Stored[] stored = new DecisionWriter.Stored[rows.size()];
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            DecisionWriter.Row r = rows.get(i);
            groups.computeIfAbsent(java.util.Arrays.asList(r.ruleSetVersion(), r.ruleSetRelease()),
                    k -> new ArrayList<>()).add(i);
        }
        boolean first = true;
        for (List<Integer> group : groups.values()) {
            for (int from = 0; from < group.size(); from += PER_BATCH) {
                List<Integer> part = group.subList(from, Math.min(group.size(), from + PER_BATCH));
                long batch = nextId(c);
                boolean withOutcomes = first && !outcomes.isEmpty();
                try (PreparedStatement ps = c.prepareStatement(withOutcomes ? INSERT_WITH_OUTCOMES : INSERT)) {
                    int at = 1;
                    if (withOutcomes) {
                        ps.setArray(1, c.createArrayOf("bytea",
                                outcomes.stream().map(DecisionWriter.Row::outcomeHash).toArray(byte[][]::new)));
                        ps.setArray(2, c.createArrayOf("bytea",
                                outcomes.stream().map(DecisionWriter.Row::outcomeZlib).toArray(byte[][]::new)));
                        at = 3;
                    }
                    bind(c, ps, at, rows, part, batch, stored);
                    ps.executeUpdate();
                }
                first = false;
            }
        }
        return stored;
    }

    /** Binds one batch row and works out its records' ids and references into {@code stored}. */
    private void bind(Connection c, PreparedStatement ps, int at, List<DecisionWriter.Row> rows, List<Integer> part,
            long batch, DecisionWriter.Stored[] stored) throws SQLException {
        DecisionWriter.Row first = rows.get(part.get(0));
        byte[][] outcomes = new byte[part.size()][];
        ByteArrayOutputStream json = new ByteArrayOutputStream(part.size() * 600);
        json.write('[');
        for (int slot = 0; slot < part.size(); slot++) {
            int i = part.get(slot);
            DecisionWriter.Row r = rows.get(i);
            long id = BATCHED_FROM + batch * PER_BATCH + slot;
            String reference = References.day(r.reference()) + cipher.encode(id);
            stored[i] = new DecisionWriter.Stored(id, reference);
            outcomes[slot] = r.outcomeHash();
            ascii(json, slot == 0 ? "{\"id\":" : ",{\"id\":");
            ascii(json, Long.toString(id));
            field(json, "reference", reference);
            field(json, "inputs_hash", r.inputsHash());
            field(json, "catalogue_version", r.catalogueVersion());
            field(json, "matters", r.matters());
            field(json, "event_code", r.event());
            field(json, "window_code", r.window());
            // the situation's canonical JSON as DecisionLog wrote it (UTF-8): copied, not parsed again
            ascii(json, ",\"inputs\":");
            json.writeBytes(r.inputs());
            json.write('}');
        }
        json.write(']');
        ps.setLong(at, batch);
        ps.setString(at + 1, first.ruleSetVersion());
        ps.setObject(at + 2, first.ruleSetRelease(), java.sql.Types.BIGINT);
        ps.setArray(at + 3, c.createArrayOf("bytea", outcomes));
        ps.setBytes(at + 4, json.toByteArray());
    }

    /** {@code ,"name":"value"} (JSON-escaped), or {@code ,"name":null}. */
    private static void field(ByteArrayOutputStream json, String name, String value) {
        ascii(json, ",\"");
        ascii(json, name);
        if (value == null) {
            ascii(json, "\":null");
            return;
        }
        ascii(json, "\":\"");
        json.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(value));
        json.write('"');
    }

    private static void ascii(ByteArrayOutputStream json, String text) {
        for (int i = 0; i < text.length(); i++) {
            json.write(text.charAt(i));
        }
    }

    private long nextId(Connection c) throws SQLException {
        if (ids.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT nextval('decision_batch_id') FROM generate_series(1, " + IDS_AT_A_TIME + ")");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids.poll();
    }
}
