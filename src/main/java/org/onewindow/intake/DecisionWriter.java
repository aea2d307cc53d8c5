package org.onewindow.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Group commit of decision records: the records that arrive while the previous transaction is
 * being committed are written together in one transaction (one row of {@code decision_batch} for
 * them all, see {@link DecisionBatches}: one statement, one commit, one WAL flush) by a single
 * writer thread. Each caller still waits until its own record is committed before it answers,
 * so nothing acknowledged can be lost by a crash; callers only share the cost of the durable write. Under no load a batch is one record and the path is as
 * before.
 */
final class DecisionWriter {

    /**
     * A record to store, and the caller waiting for it to be stored. {@code reference} is a drawn
     * one: the writer keeps its day and works out the rest from the record's id
     * ({@link DecisionBatches}); a record written in a caller's transaction ({@link #insertRecords})
     * keeps it, or draws again ({@link References#another}) if it is taken. The caller reads the
     * one stored from {@link Stored}.
     */
    record Row(String inputsHash, String ruleSetVersion, String catalogueVersion, String matters, String event,
            String window, byte[] inputs, byte[] outcomeHash, byte[] outcomeZlib, String reference, Long ruleSetRelease,
            CompletableFuture<Stored> id) {

        /** Sets the parameters of {@link #INSERT_OUTCOME} for this row's outcome. */
        void bindOutcome(PreparedStatement ps) throws SQLException {
            ps.setBytes(1, outcomeHash);
            ps.setBytes(2, outcomeZlib);
        }
    }

    /**
     * Records as rows of {@code decision_record}, inside a caller's transaction (casework: its
     * application refers to the record by a foreign key). The rows in one statement (one column
     * array each, unnested in order), so that the references they name are checked once (V74: a
     * statement trigger instead of a foreign key per row). The situation arrives as UTF-8 JSON
     * bytes (stored as jsonb: small, and queried); the outcome is referred to by the SHA-256 of its zlib-compressed JSON
     * ({@link OutcomeJson}), stored once in {@code decision_outcome} (V73; records before V71 have
     * {@code outcome} as jsonb instead). A reference taken already is skipped, not an error.
     */
    static final String INSERT = """
            INSERT INTO decision_record (inputs_hash, rule_set_version, catalogue_version, matters, event_code,
                                         window_code, inputs, outcome_hash, reference, rule_set_release)
            SELECT h, v, c, m, e, w, CAST(convert_from(i, 'UTF8') AS jsonb), o, r, rel
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::bytea[],
                        ?::text[], ?::bigint[]) AS t(h, v, c, m, e, w, i, o, r, rel)
            ON CONFLICT (reference) DO NOTHING
            RETURNING id, reference
            """;

    /** A committed record: its id and the reference stored with it. */
    record Stored(long id, String reference) {
    }

    /**
     * How many times a record's reference is drawn before it is given up. Eight random base-32
     * characters a day collide by chance (the birthday bound: likely somewhere among ~1 million
     * decisions of one day); each draw again is as unlikely as the first, so three suffice.
     */
    static final int REFERENCE_DRAWS = 3;

    /**
     * Stores an outcome unless it is stored already; in the same transaction as the record that
     * needs it, before it (the reference check of V74 requires it). A concurrent insert of the same
     * outcome waits for the other transaction and then does nothing, or inserts if that one rolled
     * back.
     */
    static final String INSERT_OUTCOME = """
            INSERT INTO decision_outcome (hash, outcome_zlib) VALUES (?, ?) ON CONFLICT DO NOTHING
            """;

    /**
     * How many outcome hashes the writer remembers as committed (~100 bytes each): a repeated
     * outcome is then not sent again. Only committed hashes are kept; if one were removed from the
     * database all the same, its record's reference check (V74) would fail the batch, and the
     * one-by-one retry sends every outcome.
     */
    static final int KNOWN_OUTCOMES = 16_384;

    /** At most this many records in one transaction (keeps one batch's latency bounded). */
    static final int MAX_BATCH = 128;

    private static final Logger LOG = Logger.getLogger(DecisionWriter.class);

    private final DataSource dataSource;
    private final DecisionBatches batches = new DecisionBatches();
    private final BlockingQueue<Row> queue;
    private final Thread thread;
    private volatile boolean running = true;
    /** Hashes of outcomes known to be committed in decision_outcome; touched only by the writer thread. */
    private final java.util.Map<java.nio.ByteBuffer, Boolean> knownOutcomes =
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<java.nio.ByteBuffer, Boolean> eldest) {
                    return size() > KNOWN_OUTCOMES;
                }
            };

    /** Default of {@code onewindow.decision-writer.max-queued}: 32 full batches. */
    static final int MAX_QUEUED = 4_096;

    DecisionWriter(DataSource dataSource) {
        this(dataSource, MAX_QUEUED);
    }

    /**
     * @param maxQueued how many decisions may wait for their commit; one more is refused
     *                  ({@link RecordingRefused.Reason#BACKLOG_FULL}) instead of queued without end
     */
    DecisionWriter(DataSource dataSource, int maxQueued) {
        if (maxQueued < 1) {
            throw new IllegalArgumentException("onewindow.decision-writer.max-queued must be at least 1, not " + maxQueued);
        }
        this.dataSource = dataSource;
        this.queue = new LinkedBlockingQueue<>(maxQueued);
        this.thread = new Thread(this::run, "decision-record-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the row and waits until it is committed; its record id and reference. */
    Stored write(Row row) {
        submit(row);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return row.id().get();
                } catch (InterruptedException e) {
                    interrupted = true; // the record is queued: wait for its outcome, never answer early
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RecordingRefused refused) {
                        throw refused;
                    }
                    throw new IllegalStateException("cannot record the decision", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Queues the row; its {@link Row#id} completes (on the writer thread) once the row is
     * committed, or fails if it cannot be. For a caller that must not wait: it answers when the
     * future completes, never before.
     *
     * @throws RecordingRefused when stopping, or when {@code maxQueued} rows wait already: the
     *                          database is slower than the decisions arriving, and a queue without
     *                          end would hold ever more memory and make every caller wait longer
     */
    CompletableFuture<Stored> submit(Row row) {
        if (!running) {
            throw new RecordingRefused(RecordingRefused.Reason.SHUTTING_DOWN);
        }
        if (!queue.offer(row)) {
            throw new RecordingRefused(RecordingRefused.Reason.BACKLOG_FULL);
        }
        if (!running && queue.remove(row)) {
            // stop() came between the check above and the offer, and may have emptied the queue
            // already: nobody would ever complete this row
            throw new RecordingRefused(RecordingRefused.Reason.SHUTTING_DOWN);
        }
        return row.id();
    }

    /** Stops after writing what is queued. */
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Row left;
        while ((left = queue.poll()) != null) {
            left.id().completeExceptionally(new RecordingRefused(RecordingRefused.Reason.SHUTTING_DOWN));
        }
    }

    private void run() {
        List<Row> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Row first = running ? queue.take() : queue.poll();
                if (first == null) {
                    break;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                // stop() asked: the loop writes what is left, then ends
            } catch (RuntimeException e) {
                batch.forEach(r -> r.id().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** One transaction for the batch; if it fails, each row alone, so one bad row fails only its caller. */
    private void commit(List<Row> batch) {
        try {
            Stored[] stored = insert(batch, true);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).id().complete(stored[i]);
            }
        } catch (SQLException e) {
            if (batch.size() == 1) {
                batch.get(0).id().completeExceptionally(e);
                return;
            }
            LOG.warnf("a batch of %d decision records failed (%s); writing them one by one", batch.size(),
                    e.getMessage());
            for (Row row : batch) {
                try {
                    row.id().complete(insert(List.of(row), false)[0]);
                } catch (SQLException single) {
                    row.id().completeExceptionally(single);
                }
            }
        }
    }

    /**
     * Stores the rows in one transaction as batch rows, with the outcomes not known to be stored.
     * Usually one statement under autocommit (one round trip: the statement and its commit); in a
     * transaction when the rows need more than one batch row (a new rule-set version went live
     * among them).
     *
     * @param trustKnown whether to skip the outcomes remembered as committed (false: send them all)
     */
    private Stored[] insert(List<Row> rows, boolean trustKnown) throws SQLException {
        List<Row> outcomes = new ArrayList<>();
        java.util.Set<java.nio.ByteBuffer> sent = new java.util.HashSet<>();
        for (Row r : rows) {
            java.nio.ByteBuffer hash = java.nio.ByteBuffer.wrap(r.outcomeHash());
            if (!(trustKnown && knownOutcomes.containsKey(hash)) && sent.add(hash)) {
                outcomes.add(r);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            Stored[] records;
            if (DecisionBatches.oneStatement(rows)) {
                c.setAutoCommit(true);
                records = batches.insert(c, rows, outcomes);
            } else {
                c.setAutoCommit(false);
                try {
                    records = batches.insert(c, rows, outcomes);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
            sent.forEach(h -> knownOutcomes.put(h, Boolean.TRUE));
            return records;
        }
    }

    /**
     * Inserts the records into {@code decision_record} (the caller's transaction); one whose
     * reference is taken already (by chance, see {@link #REFERENCE_DRAWS}) is skipped by the database
     * and inserted again with another, in the same transaction. References are also kept distinct within the batch.
     */
    static Stored[] insertRecords(Connection c, List<Row> rows) throws SQLException {
        return insertRecords(c, rows, DecisionBatches.cipher(c));
    }

    /** {@link #insertRecords(Connection, List)} with the reference key's cipher at hand. */
    static Stored[] insertRecords(Connection c, List<Row> rows, ReferenceCipher cipher) throws SQLException {
        Stored[] stored = new Stored[rows.size()];
        String[] references = new String[rows.size()];
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            references[i] = distinct(rows.get(i).reference(), drawn, cipher);
        }
        for (int draw = 1;; draw++) {
            List<Integer> pending = new ArrayList<>();
            for (int i = 0; i < stored.length; i++) {
                if (stored[i] == null) {
                    pending.add(i);
                }
            }
            if (pending.isEmpty()) {
                return stored;
            }
            if (draw > REFERENCE_DRAWS) {
                throw new SQLException("no free reference for a decision record after " + REFERENCE_DRAWS + " draws");
            }
            if (draw > 1) {
                for (int i : pending) {
                    references[i] = distinct(References.another(references[i]), drawn, cipher);
                }
            }
            java.util.Map<String, Long> ids = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                bindColumns(c, ps, rows, pending, references);
                try (ResultSet keys = ps.executeQuery()) {
                    while (keys.next()) {
                        ids.put(keys.getString(2), keys.getLong(1));
                    }
                }
            }
            for (int i : pending) {
                Long id = ids.get(references[i]);
                if (id != null) {
                    stored[i] = new Stored(id, references[i]);
                }
            }
        }
    }

    /** Binds the {@link #INSERT} column arrays: the pending rows, in order, each with its reference. */
    private static void bindColumns(Connection c, PreparedStatement ps, List<Row> rows, List<Integer> pending,
            String[] references) throws SQLException {
        int n = pending.size();
        String[][] text = new String[7][n];
        byte[][] inputs = new byte[n][];
        byte[][] outcomes = new byte[n][];
        Long[] releases = new Long[n];
        for (int k = 0; k < n; k++) {
            Row r = rows.get(pending.get(k));
            text[0][k] = r.inputsHash();
            text[1][k] = r.ruleSetVersion();
            text[2][k] = r.catalogueVersion();
            text[3][k] = r.matters();
            text[4][k] = r.event();
            text[5][k] = r.window();
            text[6][k] = references[pending.get(k)];
            // UTF-8 bytes as Jackson wrote them: the driver would otherwise encode the (mostly
            // Chinese) JSON text again, which cost more than the rest of the write
            inputs[k] = r.inputs();
            outcomes[k] = r.outcomeHash();
            releases[k] = r.ruleSetRelease();
        }
        for (int col = 0; col < 6; col++) {
            ps.setArray(col + 1, c.createArrayOf("text", text[col]));
        }
        ps.setArray(7, c.createArrayOf("bytea", inputs));
        ps.setArray(8, c.createArrayOf("bytea", outcomes));
        ps.setArray(9, c.createArrayOf("text", text[6]));
        ps.setArray(10, c.createArrayOf("int8", releases));
    }

    /**
     * {@code reference}, or another for the same day if this batch drew it already or if it could be
     * a batched record's: a row's reference is one whose characters decipher to an id below
     * {@link DecisionBatches#BATCHED_FROM} (1 in 64 of them; a batched record's never do), so the
     * two kinds can never name the same record.
     */
    private static String distinct(String reference, java.util.Set<String> drawn, ReferenceCipher cipher) {
        String r = reference;
        while (!rowSpace(r, cipher) || !drawn.add(r)) {
            r = References.another(r);
        }
        return r;
    }

    /** Whether the reference is one a row of decision_record may have (see {@link #distinct}). */
    static boolean rowSpace(String reference, ReferenceCipher cipher) {
        return cipher.decode(References.characters(reference)) < DecisionBatches.BATCHED_FROM;
    }
}
