package org.onewindow.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Records every intake decision in PostgreSQL: a hash of the situation, the rule-set and
 * knowledge-base versions, the situation itself and the outcome — enough to audit, years later,
 * why someone was told to bring a paper.
 */
@ApplicationScoped
public class DecisionLog {

    /**
     * Every record is read through {@code decision_record_outcome} (V75): a row of
     * {@code decision_record} has no {@code batch_id}, a batched record is found by its batch's primary
     * key. The outcome is in {@code outcome_zlib} since V71 (stored once per distinct outcome in
     * {@code decision_outcome} since V73, the view joins it), in {@code outcome} (jsonb) before.
     */
    private static final String COLUMNS = """
            SELECT id, decided_at, inputs, outcome, reference, rule_set_version, outcome_zlib FROM decision_record_outcome
            """;
    private static final String FIND_ROW = COLUMNS + " WHERE batch_id IS NULL AND reference = ?";
    private static final String FIND_BATCHED = COLUMNS + " WHERE batch_id = ? AND reference = ?";
    private static final String FIND_ROW_BY_ID = COLUMNS + " WHERE batch_id IS NULL AND id = ?";
    private static final String FIND_BATCHED_BY_ID = COLUMNS + " WHERE batch_id = ? AND id = ?";

    /**
     * A decision as stored: its id, when, the situation as given, the outcome with its reference, and
     * the version of the rule set that decided it (whose files are kept, see RuleSetVersionStore).
     */
    public record Recorded(long id, java.time.OffsetDateTime decidedAt, Situation situation, Outcome outcome,
            String ruleSetVersion) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    jakarta.transaction.TransactionManager transactions;

    /** How many decisions may wait for the group commit before more are refused (operator.md). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "onewindow.decision-writer.max-queued",
            defaultValue = "" + DecisionWriter.MAX_QUEUED)
    int maxQueued;

    /** Sorted keys: the same situation always hashes alike. Built once, not per record (copying a mapper is costly). */
    private volatile ObjectMapper canonical;
    private volatile DecisionWriter writer;
    /** decision_reference_key's key (V75), read once: it never changes. */
    private volatile byte[] referenceKey;

    /**
     * Stores the decision; answers it with its record id and a fresh notice reference, once the
     * record is committed. Inside a caller's transaction (casework) the record is written in that
     * transaction and commits or rolls back with it; otherwise it joins the group commit of
     * {@link DecisionWriter} with the decisions that arrive at the same time.
     */
    public Outcome record(Situation situation, Outcome outcome) {
        return store(situation, outcome);
    }

    /** A recorded outcome and the JSON that answers it (what a web resource sends as it is). */
    public record Answer(Outcome outcome, byte[] json) {
    }

    /**
     * Records the decision as {@link #record} does, and answers it as JSON with the same bytes the
     * record stores: the outcome is serialised once per decision, not once for the record and
     * again for the answer.
     */
    public Answer recordAnswer(Situation situation, Outcome outcome) {
        return recordAnswer(prepare(situation, outcome));
    }

    /**
     * What a record of this decision stores, written before any record exists: the situation's
     * canonical JSON and hash, the outcome's JSON (without id and reference) and its compressed
     * form. It depends only on the situation and the outcome, so the same prepared decision may be
     * recorded many times ({@link OutcomeMemo}); each record gets its own id and reference.
     */
    public Prepared prepare(Situation situation, Outcome outcome) {
        try {
            byte[] inputs = canonical().writeValueAsBytes(situation);
            // as answered, but before it has its id and reference (filled in when read or answered)
            byte[] outcomeJson = json.writeValueAsBytes(outcome);
            byte[] zlib = OutcomeJson.compress(outcomeJson);
            return new Prepared(outcome, inputs, sha256(inputs), outcomeJson, zlib, digest(zlib),
                    String.join(",", outcome.matters().stream().map(MatterSummary::code).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record the decision", e);
        }
    }

    /** A decision ready to be recorded: see {@link #prepare}. Its arrays are never changed. */
    public record Prepared(Outcome outcome, byte[] inputs, String inputsHash, byte[] outcomeJson, byte[] outcomeZlib,
            byte[] outcomeHash, String matters) {

        /** About how much memory it holds (the JSON, its compressed form, and the outcome's objects). */
        long weight() {
            return 3L * outcomeJson.length + outcomeZlib.length + inputs.length;
        }
    }

    /** Records a prepared decision with a fresh id and reference, and answers it (see {@link #recordAnswer}). */
    public Answer recordAnswer(Prepared prepared) {
        return answer(prepared, store(prepared));
    }

    /**
     * Records a prepared decision as {@link #recordAnswer(Prepared)} does, without waiting for it:
     * the answer completes, on {@code answering}, once the record is committed (or fails if it
     * cannot be) — never before. Inside a caller's transaction it is written there, at once.
     */
    public java.util.concurrent.CompletionStage<Answer> recordAnswerLater(Prepared p,
            java.util.concurrent.Executor answering) {
        if (inCallersTransaction()) {
            return java.util.concurrent.CompletableFuture.completedFuture(recordAnswer(p));
        }
        Outcome outcome = p.outcome();
        DecisionWriter.Row row = row(p, References.next(outcome.asOf()));
        java.util.concurrent.CompletableFuture<Answer> answer = new java.util.concurrent.CompletableFuture<>();
        writer().submit(row).whenComplete((stored, failure) -> answering.execute(() -> {
            if (failure != null) { // as recordAnswer fails
                answer.completeExceptionally(failure instanceof RecordingRefused refused ? refused
                        : new IllegalStateException("cannot record the decision", failure));
                return;
            }
            try {
                answer.complete(answer(p, outcome.recorded(stored.id(), stored.reference())));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }));
        return answer;
    }

    private Answer answer(Prepared prepared, Outcome recorded) {
        try {
            byte[] answer = OutcomeJson.recorded(prepared.outcomeJson(), recorded.decisionId(), recorded.reference())
                    .orElse(null);
            return new Answer(recorded, answer != null ? answer : json.writeValueAsBytes(recorded));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the decision", e);
        }
    }

    private static DecisionWriter.Row row(Prepared p, String reference) {
        Outcome outcome = p.outcome();
        return new DecisionWriter.Row(p.inputsHash(), outcome.ruleSet().version(), outcome.catalogueVersion(),
                p.matters(), outcome.event(), outcome.window() == null ? null : outcome.window().code(), p.inputs(),
                p.outcomeHash(), p.outcomeZlib(), reference, outcome.ruleSet().id(),
                new java.util.concurrent.CompletableFuture<>());
    }

    private Outcome store(Situation situation, Outcome outcome) {
        return store(prepare(situation, outcome));
    }

    private Outcome store(Prepared p) {
        Outcome outcome = p.outcome();
        String reference = References.next(outcome.asOf());
        try {
            DecisionWriter.Row row = row(p, reference);
            DecisionWriter.Stored stored = inCallersTransaction() ? insertHere(row) : writer().write(row);
            return outcome.recorded(stored.id(), stored.reference());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the decision", e);
        }
    }

    private boolean inCallersTransaction() {
        try {
            return transactions.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION;
        } catch (jakarta.transaction.SystemException e) {
            return false;
        }
    }

    /**
     * In the caller's transaction: the outcome (unless stored) and the record commit or roll back
     * with it. A reference taken already is drawn again as the writer does (the database skips it,
     * so nothing aborts the caller's transaction).
     */
    private DecisionWriter.Stored insertHere(DecisionWriter.Row r) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement outcome = c.prepareStatement(DecisionWriter.INSERT_OUTCOME)) {
            r.bindOutcome(outcome);
            outcome.executeUpdate();
            return DecisionWriter.insertRecords(c, List.of(r), DecisionBatches.cipher(referenceKey(c)))[0];
        }
    }

    private ObjectMapper canonical() {
        ObjectMapper c = canonical;
        if (c == null) {
            c = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
            canonical = c;
        }
        return c;
    }

    private DecisionWriter writer() {
        DecisionWriter w = writer;
        if (w == null) {
            synchronized (this) {
                if (writer == null) {
                    writer = new DecisionWriter(dataSource, maxQueued);
                }
                w = writer;
            }
        }
        return w;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        DecisionWriter w = writer;
        if (w != null) {
            w.stop();
        }
    }

    /**
     * A recorded decision by its notice reference: a batched record's is its id enciphered
     * (V75), read back to find its batch; any other reference is looked up among the rows (a row's
     * reference deciphers below the batched ids since V75; one stored before may decipher to any id,
     * hence the look-up among the rows when no batch has it).
     */
    public java.util.Optional<Recorded> find(String reference) {
        try (Connection c = dataSource.getConnection()) {
            long batch = batchOfReference(c, reference);
            if (batch >= 0) {
                try (PreparedStatement ps = c.prepareStatement(FIND_BATCHED)) {
                    ps.setLong(1, batch);
                    ps.setString(2, reference);
                    java.util.Optional<Recorded> found = read(ps);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(FIND_ROW)) {
                ps.setString(1, reference);
                return read(ps);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read decision " + reference, e);
        }
    }

    /** A recorded decision by its record id. */
    public java.util.Optional<Recorded> find(long id) {
        long batch = DecisionBatches.batchOf(id);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(batch >= 0 ? FIND_BATCHED_BY_ID : FIND_ROW_BY_ID)) {
            if (batch >= 0) {
                ps.setLong(1, batch);
                ps.setLong(2, id);
            } else {
                ps.setLong(1, id);
            }
            return read(ps);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read decision " + id, e);
        }
    }

    /** The batch the reference's record would be in, if it is a batched record's; -1 if it cannot be. */
    private long batchOfReference(Connection c, String reference) throws SQLException {
        byte[] key = referenceKey(c);
        if (key == null || reference == null || reference.length() < References.CHARACTERS) {
            return -1;
        }
        try {
            return DecisionBatches.batchOf(new ReferenceCipher(key).decode(References.characters(reference)));
        } catch (IllegalArgumentException notOne) {
            return -1;
        }
    }

    /** decision_reference_key's key, read from the database once it is there (it never changes). */
    private byte[] referenceKey(Connection c) throws SQLException {
        byte[] key = referenceKey;
        if (key == null) {
            key = DecisionBatches.key(c);
            referenceKey = key;
        }
        return key;
    }

    private java.util.Optional<Recorded> read(PreparedStatement ps) throws SQLException, java.io.IOException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return java.util.Optional.empty();
            }
            long id = rs.getLong(1);
            byte[] zlib = rs.getBytes(7);
            Outcome outcome = (zlib != null ? json.readValue(OutcomeJson.decompress(zlib), Outcome.class)
                    : json.readValue(rs.getString(4), Outcome.class)).recorded(id, rs.getString(5));
            return java.util.Optional.of(new Recorded(id, rs.getObject(2, java.time.OffsetDateTime.class),
                    json.readValue(rs.getString(3), Situation.class), outcome, rs.getString(6)));
        }
    }

    /**
     * A stored outcome's JSON, from whichever column of {@code decision_record_outcome} holds it:
     * {@code outcome_zlib} (since V71) or
     * {@code outcome} (jsonb, as text) before.
     */
    public static String outcomeJson(String jsonb, byte[] zlib) {
        return zlib != null ? new String(OutcomeJson.decompress(zlib), StandardCharsets.UTF_8) : jsonb;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] utf8) {
        return HexFormat.of().formatHex(digest(utf8));
    }

    /** SHA-256 of the bytes (as PostgreSQL's {@code sha256(bytea)}). */
    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
