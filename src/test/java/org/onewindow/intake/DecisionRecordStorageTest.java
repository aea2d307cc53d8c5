package org.onewindow.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.onewindow.policy.ReleaseStore;
import org.onewindow.testing.TestStaff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * How a decision record is stored since V71 (the outcome's JSON compressed, written once for the
 * record and the answer; since V75 the evaluate API's records in batch rows), and that records
 * stored before it (outcome as jsonb) read as before.
 */
@QuarkusTest
class DecisionRecordStorageTest {

    private static final String EVALUATE = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": true,"
            + " \"vendingMachineOnly\": false}, \"applicant\": {\"type\": \"enterprise\", \"id\": \"91350100M000100Y43\"}}";

    @Inject
    DataSource dataSource;

    @Inject
    DecisionLog log;

    @Inject
    ObjectMapper json;

    @Inject
    ReleaseStore releases;

    private static Response evaluate() {
        return given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate").then()
                .statusCode(200).extract().response();
    }

    @Test
    void theAnswerIsTheRecordedOutcomeAsJacksonWritesIt() throws Exception {
        Response answer = evaluate();
        assertEquals("application/json;charset=UTF-8", answer.contentType());
        String body = new String(answer.asByteArray(), StandardCharsets.UTF_8);
        long id = answer.jsonPath().getLong("decisionId");
        String reference = answer.jsonPath().getString("reference");
        assertTrue(reference.matches("OW-\\d{8}-[0-9A-Z]{8}"), reference);

        DecisionLog.Recorded recorded = log.find(id).orElseThrow();
        assertEquals(reference, recorded.outcome().reference());
        // byte for byte what the answer was before it reused the record's bytes: the recorded outcome, serialised
        assertEquals(json.writeValueAsString(recorded.outcome()), body);
        assertEquals(recorded.outcome(), log.find(reference).orElseThrow().outcome());

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT outcome, outcome_zlib, outcome_hash = sha256(outcome_zlib) FROM decision_record_outcome WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertNull(rs.getString(1), "a new record keeps its outcome compressed only");
                assertTrue(rs.getBoolean(3), "the record points to its outcome by the SHA-256 of its compressed bytes");
                byte[] zlib = rs.getBytes(2);
                assertTrue(zlib.length * 2 < body.length(), zlib.length + " compressed bytes for " + body.length());
                JsonNode stored = json.readTree(OutcomeJson.decompress(zlib));
                assertTrue(stored.get("decisionId").isNull() && stored.get("reference").isNull(), "stored as decided");
                assertEquals(withoutRecord(json.readTree(body)), stored);
            }
        }
    }

    @Test
    void aRecordStoredBeforeV71IsShownReplayedAndReadAsBefore() throws Exception {
        Response answer = evaluate();
        long newId = answer.jsonPath().getLong("decisionId");
        // the same decision as the code before V71 stored it: the outcome as jsonb, no compressed copy
        String oldReference = References.next(java.time.LocalDate.of(2026, 11, 30));
        long oldId;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO decision_record (inputs_hash, rule_set_version, catalogue_version, matters, event_code,
                                             window_code, inputs, outcome, reference, rule_set_release)
                SELECT inputs_hash, rule_set_version, catalogue_version, matters, event_code, window_code, inputs,
                       CAST(? AS jsonb), ?, rule_set_release FROM decision_record_outcome WHERE id = ?
                RETURNING id
                """)) {
            ps.setString(1, json.writeValueAsString(withoutRecord(json.readTree(answer.asByteArray()))));
            ps.setString(2, oldReference);
            ps.setLong(3, newId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                oldId = rs.getLong(1);
            }
        }

        DecisionLog.Recorded old = log.find(oldReference).orElseThrow();
        assertEquals(oldId, old.id());
        Outcome fresh = log.find(newId).orElseThrow().outcome();
        assertEquals(fresh.recorded(oldId, oldReference), old.outcome());

        JsonPath shownOld = TestStaff.as(TestStaff.TESTER).get("/api/decision-records/" + oldId).then().statusCode(200)
                .extract().jsonPath();
        JsonPath shownNew = TestStaff.as(TestStaff.TESTER).get("/api/decision-records/" + newId).then().statusCode(200)
                .extract().jsonPath();
        List<Object> rows = shownNew.getList("rows");
        assertTrue(rows.size() > 3, rows.toString());
        assertEquals(rows, shownOld.getList("rows"));
        assertEquals(shownNew.getList("outcome.explanation"), shownOld.getList("outcome.explanation"));
        assertEquals(oldReference, shownOld.getString("reference"));
        TestStaff.as(TestStaff.TESTER).get("/api/decision-records/" + oldId + "/replay").then().statusCode(200)
                .body("same", equalTo(true));
        TestStaff.as(TestStaff.TESTER).get("/api/decision-records/" + newId + "/replay").then().statusCode(200)
                .body("same", equalTo(true));

        // the policy console's change impact reads recent intakes of both kinds
        List<ReleaseStore.RecordedIntake> recent = releases.recentIntakes(50);
        JsonNode oldOutcome = json.readTree(recent.stream().filter(r -> r.id() == oldId).findFirst().orElseThrow().outcome());
        JsonNode newOutcome = json.readTree(recent.stream().filter(r -> r.id() == newId).findFirst().orElseThrow().outcome());
        assertEquals(oldOutcome, newOutcome);
        assertNotNull(json.readValue(newOutcome.toString(), Outcome.class).window());
    }

    @Test
    void aRecordWithItsOwnCompressedOutcomeReadsAsBefore() throws Exception {
        // as V71–V72 stored it (and a node of that version still does during a rolling update):
        // the zlib bytes in the record itself, no outcome_hash
        long newId = evaluate().jsonPath().getLong("decisionId");
        String reference = References.next(java.time.LocalDate.of(2026, 12, 1));
        long oldId;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO decision_record (inputs_hash, rule_set_version, catalogue_version, matters, event_code,
                                             window_code, inputs, outcome_zlib, reference, rule_set_release)
                SELECT r.inputs_hash, r.rule_set_version, r.catalogue_version, r.matters, r.event_code, r.window_code,
                       r.inputs, r.outcome_zlib, ?, r.rule_set_release
                FROM decision_record_outcome r WHERE r.id = ?
                RETURNING id
                """)) {
            ps.setString(1, reference);
            ps.setLong(2, newId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                oldId = rs.getLong(1);
            }
        }
        assertEquals(log.find(newId).orElseThrow().outcome().recorded(oldId, reference),
                log.find(reference).orElseThrow().outcome());
        assertTrue(releases.recentIntakes(50).stream().anyMatch(r -> r.id() == oldId && r.outcome() != null));
    }

    @Test
    void aRecordHoldsItsOutcomeInExactlyOneForm() throws Exception {
        // a row of decision_record, as a casework decision is stored (in the caller's transaction)
        String reference = evaluate().jsonPath().getString("reference");
        long id;
        try (Connection c = dataSource.getConnection()) {
            id = DecisionWriter.insertRecords(c, List.of(StoredRows.copyOf(dataSource, reference,
                    References.next(java.time.LocalDate.of(2026, 12, 2)))))[0].id();
        }
        try (Connection c = dataSource.getConnection()) {
            for (String outcome : List.of("NULL", "'{}'::jsonb")) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE decision_record SET outcome = " + outcome
                        + ", outcome_hash = " + (outcome.equals("NULL") ? "NULL" : "outcome_hash") + " WHERE id = ?")) {
                    ps.setLong(1, id);
                    assertThrows(SQLException.class, ps::executeUpdate, outcome);
                }
            }
            // a record cannot point to an outcome that is not stored
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE decision_record SET outcome_hash = sha256('not an outcome'::bytea) WHERE id = ?")) {
                ps.setLong(1, id);
                assertThrows(SQLException.class, ps::executeUpdate);
            }
        }
    }

    @Test
    void aBatchNamesOnlyStoredOutcomes() throws Exception {
        long id = evaluate().jsonPath().getLong("decisionId");
        long batch = DecisionBatches.batchOf(id);
        assertTrue(batch >= 0, "the evaluate API's record is batched: " + id);
        try (Connection c = dataSource.getConnection()) {
            for (String change : List.of("outcome_hashes = ARRAY[sha256('not an outcome'::bytea)]",
                    "outcome_hashes = outcome_hashes || sha256('not an outcome'::bytea)", "outcome_hashes = '{}'")) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE decision_batch SET " + change + " WHERE id = ?")) {
                    ps.setLong(1, batch);
                    SQLException e = assertThrows(SQLException.class, ps::executeUpdate, change);
                    // a missing outcome as a foreign key refuses it; none at all by the check constraint
                    assertEquals(change.endsWith("'{}'") ? "23514" : "23503", e.getSQLState(), change + ": " + e.getMessage());
                }
            }
        }
        assertEquals(id, log.find(id).orElseThrow().id(), "unchanged");
    }

    @Test
    void anOutcomeIsStoredOnceForEveryRecordThatHasIt() throws Exception {
        // the same situation three times (from the memo or decided again: the same outcome), and another one
        List<Long> same = List.of(evaluate().jsonPath().getLong("decisionId"), evaluate().jsonPath().getLong("decisionId"),
                evaluate().jsonPath().getLong("decisionId"));
        long other = given().contentType("application/json").body(EVALUATE.replace("\"agent\": true", "\"agent\": false"))
                .post("/api/intake/evaluate").then().statusCode(200).extract().jsonPath().getLong("decisionId");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT r.id, r.reference, encode(r.outcome_hash, 'hex'),
                       (SELECT count(*) FROM decision_outcome o WHERE o.hash = r.outcome_hash)
                FROM decision_record_outcome r WHERE r.id = ANY (?) ORDER BY r.id
                """)) {
            ps.setArray(1, c.createArrayOf("bigint", new Object[] {same.get(0), same.get(1), same.get(2), other}));
            java.util.Set<String> hashes = new java.util.HashSet<>();
            java.util.Set<String> references = new java.util.HashSet<>();
            String otherHash = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertEquals(1, rs.getInt(4), "one stored outcome per hash");
                    references.add(rs.getString(2));
                    if (rs.getLong(1) == other) {
                        otherHash = rs.getString(3);
                    } else {
                        hashes.add(rs.getString(3));
                    }
                }
            }
            assertEquals(4, references.size(), "every record has its own reference");
            assertEquals(1, hashes.size(), "the same outcome, stored once: " + hashes);
            assertNotNull(otherHash);
            assertTrue(!hashes.contains(otherHash), "another outcome is stored on its own");
        }
        // each record still reads as its own decision: its id and reference with the shared outcome
        for (long id : same) {
            DecisionLog.Recorded r = log.find(id).orElseThrow();
            assertEquals(id, r.outcome().decisionId());
            assertEquals(log.find(same.get(0)).orElseThrow().outcome().recorded(id, r.outcome().reference()), r.outcome());
        }
        Outcome otherOutcome = log.find(other).orElseThrow().outcome();
        assertTrue(!otherOutcome.equals(log.find(same.get(0)).orElseThrow().outcome()
                .recorded(other, otherOutcome.reference())), "the other record reads its own outcome");
    }

    private static JsonNode withoutRecord(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.putNull("decisionId");
        copy.putNull("reference");
        return copy;
    }
}
