package org.onewindow.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.testing.TestClock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The evaluate API's memo of prepared decisions ({@link OutcomeMemo}) answers exactly what a fresh
 * decision would — byte for byte — for every situation, never another situation's answer, and
 * records every request on its own.
 */
@QuarkusTest
class OutcomeMemoTest {

    @Inject
    IntakeService intake;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    DecisionLog log;

    @Inject
    ObjectMapper json;

    @Inject
    TestClock clock;

    private static final String ENTERPRISE = "\"applicant\": {\"type\": \"enterprise\", \"id\": \"91350100M000100Y43\"";

    /** Situations that differ in one thing each from the first. */
    private static final List<String> SITUATIONS = List.of(
            "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, \"vendingMachineOnly\": false}, "
                    + ENTERPRISE + "}}",
            "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": true, \"vendingMachineOnly\": false}, "
                    + ENTERPRISE + "}}",
            "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, \"vendingMachineOnly\": false}, "
                    + ENTERPRISE + ", \"creditStatus\": \"bad\"}}",
            "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false}, " + ENTERPRISE + "}}",
            "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, \"vendingMachineOnly\": false}}",
            "{\"event\": \"open-restaurant\", \"answers\": {\"agent\": false}, " + ENTERPRISE + "}}");

    private static Response evaluate(String body) {
        return given().contentType("application/json").body(body).post("/api/intake/evaluate").then().statusCode(200)
                .extract().response();
    }

    /** The answer, checked against a fresh decision of its recorded situation, serialised by Jackson. */
    private String checkedAgainstAFreshDecision(Response answer) throws Exception {
        String body = new String(answer.asByteArray(), StandardCharsets.UTF_8);
        DecisionLog.Recorded recorded = log.find(answer.jsonPath().getLong("decisionId")).orElseThrow();
        Outcome fresh = intake.decider(catalogues.current()).decide(recorded.situation())
                .recorded(recorded.id(), recorded.outcome().reference());
        assertEquals(json.writeValueAsString(fresh), body, "a fresh decision of the recorded situation");
        assertEquals(json.writeValueAsString(recorded.outcome()), body, "the record");
        return body;
    }

    private static String withoutRecord(String body) {
        return body.replaceFirst(",\"decisionId\":\\d+,\"reference\":\"[^\"]+\"}$", "}");
    }

    @Test
    void everyAnswerIsWhatAFreshDecisionOfItsOwnSituationWouldBe() throws Exception {
        List<String> first = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        Set<String> references = new HashSet<>();
        for (int round = 0; round < 3; round++) { // interleaved: the second and third rounds come from the memo
            for (int i = 0; i < SITUATIONS.size(); i++) {
                Response answer = evaluate(SITUATIONS.get(i));
                String body = checkedAgainstAFreshDecision(answer);
                assertTrue(ids.add(answer.jsonPath().getLong("decisionId")), "every request is its own record");
                assertTrue(references.add(answer.jsonPath().getString("reference")));
                if (round == 0) {
                    first.add(withoutRecord(body));
                } else {
                    assertEquals(first.get(i), withoutRecord(body));
                }
            }
        }
        assertEquals(SITUATIONS.size(), new HashSet<>(first).size(), "each situation has its own answer");
    }

    @Test
    void aDecisionIsForItsDayNotTheDayTheMemoFirstSawIt() throws Exception {
        String body = SITUATIONS.get(0);
        Response today = evaluate(body);
        clock.advance(Duration.ofDays(1));
        try {
            Response tomorrow = evaluate(body);
            checkedAgainstAFreshDecision(tomorrow);
            assertEquals(LocalDate.parse(today.jsonPath().getString("asOf")).plusDays(1),
                    LocalDate.parse(tomorrow.jsonPath().getString("asOf")));
        } finally {
            clock.reset();
        }
        String explicit = body.replace("{\"matters\"", "{\"asOf\": \"" + today.jsonPath().getString("asOf")
                + "\", \"matters\"");
        Response dated = evaluate(explicit);
        checkedAgainstAFreshDecision(dated);
        assertNotEquals(null, log.find(dated.jsonPath().getLong("decisionId")).orElseThrow().situation().asOf(),
                "the situation is recorded as given");
        assertNull(log.find(today.jsonPath().getLong("decisionId")).orElseThrow().situation().asOf());
    }
}
