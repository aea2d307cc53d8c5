package org.onewindow.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * V74: a decision record's references (rule-set version, release, outcome) are checked once per
 * statement instead of by a foreign key per row. Every guarantee of the foreign keys still holds:
 * a record cannot name what does not exist, what it names cannot be deleted, and a delete racing
 * an insert waits for it.
 */
@QuarkusTest
class DecisionRecordReferencesTest {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @Inject
    DataSource dataSource;

    @Inject
    DecisionLog log;

    @Test
    void aBatchWithARecordNamingWhatDoesNotExistFailsOnlyThatRecord() throws Exception {
        DecisionWriter.Row good = copyOf(StoredRows.decided());
        DecisionWriter writer = new DecisionWriter(dataSource);
        try {
            List<DecisionWriter.Row> bad = List.of(
                    with(good, "no-such-version", good.ruleSetRelease(), good.outcomeHash(), good.outcomeZlib()),
                    with(good, good.ruleSetVersion(), -1L, good.outcomeHash(), good.outcomeZlib()));
            CompletableFuture<DecisionWriter.Stored> before = writer.submit(with(good, good.ruleSetVersion(),
                    good.ruleSetRelease(), good.outcomeHash(), good.outcomeZlib()));
            List<CompletableFuture<DecisionWriter.Stored>> failing = bad.stream().map(writer::submit).toList();
            CompletableFuture<DecisionWriter.Stored> after = writer.submit(with(good, good.ruleSetVersion(),
                    good.ruleSetRelease(), good.outcomeHash(), good.outcomeZlib()));

            for (CompletableFuture<DecisionWriter.Stored> f : List.of(before, after)) {
                DecisionWriter.Stored stored = f.get();
                assertEquals(stored.id(), log.find(stored.reference()).orElseThrow().id());
            }
            for (int i = 0; i < failing.size(); i++) {
                ExecutionException e = assertThrows(ExecutionException.class, failing.get(i)::get);
                SQLException cause = assertInstanceOfSql(e.getCause());
                assertEquals(FOREIGN_KEY_VIOLATION, cause.getSQLState(), cause.getMessage());
                assertFalse(log.find(bad.get(i).reference()).isPresent(), "not stored: " + i);
            }
        } finally {
            writer.stop();
        }
    }

    @Test
    void aRecordCannotNameAnOutcomeThatIsNotStored() throws Exception {
        DecisionWriter.Row good = copyOf(StoredRows.decided());
        // the writer stores a record's outcome first; here the record alone, as a bug or SQL by hand could
        DecisionWriter.Row orphan = with(good, good.ruleSetVersion(), good.ruleSetRelease(), sha256("not an outcome"), null);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                SQLException e = assertThrows(SQLException.class, () -> DecisionWriter.insertRecords(c, List.of(orphan)));
                assertEquals(FOREIGN_KEY_VIOLATION, e.getSQLState(), e.getMessage());
            } finally {
                c.rollback();
            }
        }
        assertFalse(log.find(orphan.reference()).isPresent());
    }

    @ParameterizedTest(name = "batched: {0}")
    @ValueSource(booleans = {true, false})
    void whatARecordNamesCannotBeDeletedNorHaveItsKeyChanged(boolean batched) throws Exception {
        String reference = batched ? StoredRows.decided() : row(StoredRows.decided());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (String sql : List.of(
                        "DELETE FROM decision_outcome WHERE hash = (SELECT outcome_hash FROM decision_record_outcome WHERE reference = ?)",
                        "UPDATE decision_outcome SET hash = sha256(hash) WHERE hash = (SELECT outcome_hash FROM decision_record_outcome WHERE reference = ?)",
                        "DELETE FROM rule_set_version WHERE version = (SELECT rule_set_version FROM decision_record_outcome WHERE reference = ?)",
                        "UPDATE rule_set_version SET version = 'moved' WHERE version = (SELECT rule_set_version FROM decision_record_outcome WHERE reference = ?)",
                        "DELETE FROM rule_set_release WHERE id = (SELECT rule_set_release FROM decision_record_outcome WHERE reference = ?)",
                        // no row trigger fires on TRUNCATE: a statement trigger refuses it while records exist
                        "TRUNCATE decision_outcome, rule_set_release, rule_set_version CASCADE")) {
                    try (Statement savepoint = c.createStatement()) {
                        savepoint.execute("SAVEPOINT attempt");
                    }
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        if (sql.contains("?")) {
                            ps.setString(1, reference);
                        }
                        SQLException e = assertThrows(SQLException.class, ps::executeUpdate, sql);
                        assertEquals(FOREIGN_KEY_VIOLATION, e.getSQLState(), sql + ": " + e.getMessage());
                    }
                    try (Statement rollback = c.createStatement()) {
                        rollback.execute("ROLLBACK TO SAVEPOINT attempt");
                    }
                }
                // what no record names can go (an outcome stored for nothing)
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO decision_outcome (hash, outcome_zlib) VALUES (?, ?)")) {
                    ps.setBytes(1, sha256("unused " + reference));
                    ps.setBytes(2, new byte[] {1});
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM decision_outcome WHERE hash = ?")) {
                    ps.setBytes(1, sha256("unused " + reference));
                    assertEquals(1, ps.executeUpdate());
                }
            } finally {
                c.rollback();
            }
        }
        assertTrue(log.find(reference).isPresent());
    }

    @ParameterizedTest(name = "batched: {0}")
    @ValueSource(booleans = {true, false})
    void aDeleteRacingARecordThatNamesTheSameOutcomeWaitsForItAndThenFails(boolean batched) throws Exception {
        DecisionWriter.Row template = copyOf(StoredRows.decided());
        byte[] hash = sha256("raced " + template.reference());
        try (Connection setup = dataSource.getConnection();
                PreparedStatement ps = setup.prepareStatement("INSERT INTO decision_outcome (hash, outcome_zlib) VALUES (?, ?)")) {
            ps.setBytes(1, hash);
            ps.setBytes(2, template.outcomeZlib());
            ps.executeUpdate();
        }
        String reference;
        try (Connection inserting = dataSource.getConnection(); Connection deleting = dataSource.getConnection()) {
            inserting.setAutoCommit(false);
            List<DecisionWriter.Row> rows = List.of(new DecisionWriter.Row(template.inputsHash(),
                    template.ruleSetVersion(), template.catalogueVersion(), template.matters(), template.event(),
                    template.window(), template.inputs(), hash, null, References.another(template.reference()),
                    template.ruleSetRelease(), new CompletableFuture<>()));
            reference = (batched ? new DecisionBatches().insert(inserting, rows)
                    : DecisionWriter.insertRecords(inserting, rows))[0].reference();
            deleting.setAutoCommit(false);
            try (Statement st = deleting.createStatement()) {
                st.execute("SET LOCAL lock_timeout = '300ms'");
            }
            // the uncommitted record holds its outcome like a foreign key would: the delete cannot pass it
            SQLException waited = assertThrows(SQLException.class, () -> delete(deleting, hash));
            assertEquals("55P03", waited.getSQLState(), waited.getMessage()); // lock_not_available
            deleting.rollback();

            inserting.commit();
            SQLException refused = assertThrows(SQLException.class, () -> delete(deleting, hash));
            assertEquals(FOREIGN_KEY_VIOLATION, refused.getSQLState(), refused.getMessage());
            deleting.rollback();
        }
        assertTrue(log.find(reference).isPresent());
    }

    /** A row of decision_record (as casework stores one) with the stored columns of {@code of}; its reference. */
    private String row(String of) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return DecisionWriter.insertRecords(c, List.of(StoredRows.copyOf(dataSource, of,
                    References.next(java.time.LocalDate.of(2026, 12, 2)))))[0].reference();
        }
    }

    private static void delete(Connection c, byte[] hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM decision_outcome WHERE hash = ?")) {
            ps.setBytes(1, hash);
            ps.executeUpdate();
        }
    }

    private static SQLException assertInstanceOfSql(Throwable t) {
        assertTrue(t instanceof SQLException, String.valueOf(t));
        return (SQLException) t;
    }

    /** The row under a fresh reference of the same day, naming the given version, release and outcome. */
    private static DecisionWriter.Row with(DecisionWriter.Row r, String version, Long release, byte[] outcomeHash,
            byte[] outcomeZlib) {
        return new DecisionWriter.Row(r.inputsHash(), version, r.catalogueVersion(), r.matters(), r.event(), r.window(),
                r.inputs(), outcomeHash, outcomeZlib, References.another(r.reference()), release, new CompletableFuture<>());
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A row with the stored columns of the record {@code of} (its reference too). */
    private DecisionWriter.Row copyOf(String of) throws Exception {
        return StoredRows.copyOf(dataSource, of, of);
    }
}
