package org.onewindow.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * What a caller sees when decisions arrive faster than they can be recorded: with room for one
 * waiting decision, of two more sent while the database is held up one waits and one is answered
 * 503 with Retry-After and the JSON error shape at once — and the decisions that waited are answered,
 * recorded, once it catches up.
 */
@QuarkusTest
@TestProfile(DecisionBacklogApiTest.OneWaiting.class)
class DecisionBacklogApiTest {

    public static class OneWaiting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onewindow.decision-writer.max-queued", "1");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    DecisionLog log;

    @Test
    void theDecisionBeyondTheBacklogIsAnswered503AndTheOthersOnceRecorded() throws Exception {
        evaluate().then().statusCode(200); // the writer exists and the situation is known
        long before = StoredRows.count(dataSource);
        List<Response> waited;
        try (DecisionBatchLock stall = DecisionBatchLock.take(dataSource)) {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(DecisionBacklogApiTest::evaluate);
            stall.awaitCommitWaiting();
            // one of these two waits in the queue, the other finds it full (whichever comes second)
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(DecisionBacklogApiTest::evaluate);
            CompletableFuture<Response> third = CompletableFuture.supplyAsync(DecisionBacklogApiTest::evaluate);
            CompletableFuture<Object> oneAnswered = CompletableFuture.anyOf(second, third);
            Response early = (Response) oneAnswered.get(60, TimeUnit.SECONDS);
            assertEquals(503, early.statusCode(), early.asString());
            assertEquals("1", early.header("Retry-After"));
            assertEquals("busy", early.jsonPath().getString("error"));
            assertTrue(early.jsonPath().getString("detail").contains("send the request again"), early.asString());
            assertFalse(first.isDone(), "the first decision is answered only once recorded");
            stall.release();
            CompletableFuture<Response> queued = early == second.getNow(null) ? third : second;
            waited = List.of(first.get(60, TimeUnit.SECONDS), queued.get(60, TimeUnit.SECONDS));
        }
        for (Response r : waited) {
            assertEquals(200, r.statusCode(), r.asString());
            String reference = r.jsonPath().getString("reference");
            assertEquals(r.jsonPath().getLong("decisionId"), log.find(reference).orElseThrow().id());
        }
        assertEquals(before + 2, StoredRows.count(dataSource), "the two answered are recorded, the refused one is not");
    }

    private static Response evaluate() {
        return given().contentType("application/json").body(StoredRows.EVALUATE).post("/api/intake/evaluate");
    }
}
