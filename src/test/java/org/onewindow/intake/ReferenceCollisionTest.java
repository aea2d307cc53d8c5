package org.onewindow.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A decision recorded as a row of decision_record (casework, in its own transaction) has eight
 * random characters a day, so two decisions of one busy day can draw the same one (a load test of
 * ~700,000 decisions did, and its applicant got a 500). The record is then stored with another
 * reference of the same day, and the caller learns which. A batched record's reference is its id
 * enciphered (V75): distinct by construction, and it finds its record.
 */
@QuarkusTest
class ReferenceCollisionTest {

    private static final String EVALUATE = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false,"
            + " \"vendingMachineOnly\": false}}";

    @Inject
    DataSource dataSource;

    @Inject
    DecisionLog log;

    @Test
    void aReferenceTakenAlreadyIsDrawnAgainForTheSameDay() throws Exception {
        String taken = given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate").then()
                .statusCode(200).extract().jsonPath().getString("reference");
        try (Connection c = dataSource.getConnection()) {
            // a casework decision: a row of decision_record with a drawn reference; another drawing the same
            taken = DecisionWriter.insertRecords(c, List.of(copyOf(taken, taken)))[0].reference();
            DecisionWriter.Stored stored = DecisionWriter.insertRecords(c, List.of(copyOf(taken, taken)))[0];
            assertNotEquals(taken, stored.reference());
            assertEquals(taken.substring(0, 12), stored.reference().substring(0, 12), "the same day: OW-yyyyMMdd-");
            assertEquals(stored.id(), log.find(stored.reference()).orElseThrow().id());
            assertEquals(taken, log.find(taken).orElseThrow().outcome().reference(), "the first record keeps its own");
        }
    }

    @Test
    void twoRecordsDrawingTheSameReferenceAreBothStoredUnderDistinctOnes() throws Exception {
        String taken = given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate").then()
                .statusCode(200).extract().jsonPath().getString("reference");
        String fresh = References.another(taken);
        try (Connection c = dataSource.getConnection()) {
            ReferenceCipher cipher = DecisionBatches.cipher(c);
            while (!DecisionWriter.rowSpace(fresh, cipher)) {
                fresh = References.another(taken);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            DecisionWriter.Stored[] both = DecisionWriter.insertRecords(c, List.of(copyOf(taken, fresh), copyOf(taken, fresh)));
            DecisionWriter.Stored x = both[0];
            DecisionWriter.Stored y = both[1];
            assertNotEquals(x.reference(), y.reference());
            assertNotEquals(x.id(), y.id());
            assertTrue(x.reference().equals(fresh) || y.reference().equals(fresh));
            assertEquals(x.id(), log.find(x.reference()).orElseThrow().id());
            assertEquals(y.id(), log.find(y.reference()).orElseThrow().id());
        }
    }

    @Test
    void batchedRecordsHaveDistinctReferencesThatFindThem() throws Exception {
        String taken = given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate").then()
                .statusCode(200).extract().jsonPath().getString("reference");
        DecisionWriter writer = new DecisionWriter(dataSource);
        try {
            // every row drawn with the same reference: the writer keeps only its day
            List<CompletableFuture<DecisionWriter.Stored>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                futures.add(writer.submit(copyOf(taken, taken)));
            }
            Set<String> references = new HashSet<>();
            Set<Long> ids = new HashSet<>();
            for (CompletableFuture<DecisionWriter.Stored> f : futures) {
                DecisionWriter.Stored stored = f.get();
                assertTrue(references.add(stored.reference()), "distinct: " + stored.reference());
                assertTrue(ids.add(stored.id()));
                assertEquals(taken.substring(0, 12), stored.reference().substring(0, 12), "the same day: OW-yyyyMMdd-");
                assertEquals(stored.reference(), References.parse(stored.reference()), "the printed format");
                assertTrue(DecisionBatches.batchOf(stored.id()) >= 0, "batched: " + stored.id());
            }
            for (CompletableFuture<DecisionWriter.Stored> f : List.of(futures.get(0), futures.get(150), futures.get(299))) {
                DecisionWriter.Stored stored = f.get();
                DecisionLog.Recorded found = log.find(stored.reference()).orElseThrow();
                assertEquals(stored.id(), found.id());
                assertEquals(stored.reference(), found.outcome().reference());
                assertEquals(stored.reference(), log.find(stored.id()).orElseThrow().outcome().reference());
            }
            // another day's prefix on a real reference's characters finds nothing
            String stored = futures.get(0).get().reference();
            assertTrue(log.find("OW-20200101-" + stored.substring(12)).isEmpty());
        } finally {
            writer.stop();
        }
    }

    @Test
    void recordsOfTwoReleasesInOneCommitAreTwoBatchRowsCommittedTogether() throws Exception {
        String taken = given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate").then()
                .statusCode(200).extract().jsonPath().getString("reference");
        DecisionWriter.Row console = copyOf(taken, taken);
        assertTrue(console.ruleSetRelease() != null, "decided by a console release");
        // the same version recorded without a release (as before the console): another batch row
        DecisionWriter.Row plain = new DecisionWriter.Row(console.inputsHash(), console.ruleSetVersion(),
                console.catalogueVersion(), console.matters(), console.event(), console.window(), console.inputs(),
                console.outcomeHash(), console.outcomeZlib(), taken, null, new CompletableFuture<>());
        List<DecisionWriter.Row> rows = List.of(console, plain, copyOf(taken, taken));
        assertFalse(DecisionBatches.oneStatement(rows));
        DecisionWriter.Stored[] stored;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            stored = new DecisionBatches().insert(c, rows);
            c.commit();
        }
        assertEquals(DecisionBatches.batchOf(stored[0].id()), DecisionBatches.batchOf(stored[2].id()), "same release");
        assertNotEquals(DecisionBatches.batchOf(stored[0].id()), DecisionBatches.batchOf(stored[1].id()));
        for (int i = 0; i < rows.size(); i++) {
            DecisionLog.Recorded found = log.find(stored[i].reference()).orElseThrow();
            assertEquals(stored[i].id(), found.id());
            assertEquals(log.find(taken).orElseThrow().outcome().recorded(found.id(), stored[i].reference()),
                    found.outcome());
        }
    }

    /** A row with the stored columns of the record {@code of}, to be written under {@code reference}. */
    private DecisionWriter.Row copyOf(String of, String reference) throws Exception {
        return StoredRows.copyOf(dataSource, of, reference);
    }
}
