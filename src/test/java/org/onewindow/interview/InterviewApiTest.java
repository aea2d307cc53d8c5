package org.onewindow.interview;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The guided interview asks only what can still change the outcome, and then stops. */
@QuarkusTest
class InterviewApiTest {

    private static JsonPath step(String target, Map<String, Object> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(target.startsWith("event:") ? "event" : "matters",
                target.startsWith("event:") ? target.substring(6) : List.of(target));
        body.put("answers", answers);
        return given().contentType("application/json").body(body).post("/api/interview")
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSingleMatterAsksItsTwoQuestionsThenGivesTheResult() {
        Map<String, Object> answers = new LinkedHashMap<>();
        JsonPath first = step("food-business-licence", answers);
        assertFalse(first.getBoolean("done"));
        String q1 = first.getString("question.id");
        assertTrue(List.of("agent", "vendingMachineOnly").contains(q1), q1);
        assertNotNull(first.getString("question.why"));
        assertEquals(0, first.getInt("asked"));
        assertEquals(2, first.getInt("remaining"));

        answers.put(q1, false);
        JsonPath second = step("food-business-licence", answers);
        String q2 = second.getString("question.id");
        assertTrue(!q2.equals(q1), "an answered question is never asked again");
        assertEquals(1, second.getInt("asked"));

        answers.put(q2, false);
        JsonPath done = step("food-business-licence", answers);
        assertTrue(done.getBoolean("done"));
        assertEquals(2, done.getInt("asked"));
        assertEquals("market-access", done.getString("result.window.code"));
        assertTrue(done.getList("result.pendingQuestions").isEmpty());
        assertNotNull(done.get("result.decisionId"));
    }

    @Test
    void aLifeEventAsksFirstTheQuestionThatChangesMost() {
        JsonPath first = step("event:open-restaurant", Map.of());
        // the business form decides which registration the whole bundle contains
        assertEquals("businessForm", first.getString("question.id"));
        assertEquals(2, first.getList("question.options").size());
    }

    @Test
    void anAnswerThatRulesARowOutStopsItsQuestionsFromBeingAsked() {
        // with the agent question answered "no", neither agent material remains, and the interview
        // of a matter whose only other questions are answered ends
        Map<String, Object> answers = new LinkedHashMap<>(Map.of("agent", false, "vendingMachineOnly", true));
        JsonPath done = step("food-business-licence", answers);
        assertTrue(done.getBoolean("done"));
        List<String> codes = done.getList("result.materials.code");
        assertTrue(codes.contains("vending-machine-documents") && !codes.contains("power-of-attorney"), codes.toString());
    }

    @Test
    void goingBackKeepsTheOtherAnswers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        List<String> asked = new ArrayList<>();
        JsonPath s = step("event:open-restaurant", answers);
        while (!s.getBoolean("done") && asked.size() < 20) {
            String id = s.getString("question.id");
            asked.add(id);
            List<Map<String, Object>> options = s.getList("question.options");
            answers.put(id, options.isEmpty() ? Boolean.FALSE : options.get(0).get("value"));
            s = step("event:open-restaurant", answers);
        }
        assertTrue(s.getBoolean("done"), "the interview ends");
        // Back: drop the last answer; the step asks exactly that question again, all else kept
        String last = asked.get(asked.size() - 1);
        answers.remove(last);
        JsonPath back = step("event:open-restaurant", answers);
        assertEquals(last, back.getString("question.id"));
        assertEquals(asked.size() - 1, back.getInt("asked"));
    }
}
