package org.onewindow.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A reference is eight random characters a day, so two decisions of one busy day can draw the same
 * one (a load test of ~700,000 decisions did, and its applicant got a 500). The record is then
 * stored with another reference of the same day, and the caller learns which.
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
        DecisionWriter writer = new DecisionWriter(dataSource);
        try {
            DecisionWriter.Stored stored = writer.write(copyOf(taken, taken));
            assertNotEquals(taken, stored.reference());
            assertEquals(taken.substring(0, 12), stored.reference().substring(0, 12), "the same day: OW-yyyyMMdd-");
            assertEquals(stored.id(), log.find(stored.reference()).orElseThrow().id());
            assertEquals(taken, log.find(taken).orElseThrow().outcome().reference(), "the first record keeps its own");
        } finally {
            writer.stop();
        }
    }

    @Test
    void twoRecordsDrawingTheSameReferenceAreBothStoredUnderDistinctOnes() throws Exception {
        String taken = given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate").then()
                .statusCode(200).extract().jsonPath().getString("reference");
        String fresh = References.another(taken);
        DecisionWriter writer = new DecisionWriter(dataSource);
        try {
            DecisionWriter.Row a = copyOf(taken, fresh);
            DecisionWriter.Row b = copyOf(taken, fresh);
            CompletableFuture<DecisionWriter.Stored> first = writer.submit(a);
            CompletableFuture<DecisionWriter.Stored> second = writer.submit(b);
            DecisionWriter.Stored x = first.get();
            DecisionWriter.Stored y = second.get();
            assertNotEquals(x.reference(), y.reference());
            assertNotEquals(x.id(), y.id());
            assertTrue(x.reference().equals(fresh) || y.reference().equals(fresh));
            assertEquals(x.id(), log.find(x.reference()).orElseThrow().id());
            assertEquals(y.id(), log.find(y.reference()).orElseThrow().id());
        } finally {
            writer.stop();
        }
    }

    /** A row with the stored columns of the record {@code of}, to be written under {@code reference}. */
    private DecisionWriter.Row copyOf(String of, String reference) throws Exception {
        return StoredRows.copyOf(dataSource, of, reference);
    }
}
