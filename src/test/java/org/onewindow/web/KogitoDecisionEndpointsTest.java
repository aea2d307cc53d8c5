package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Kogito-compatible endpoints on a model that has nothing to do with intake
 * (src/test/resources/extra-rules/ticket-pricing.dmn, dropped into the rules folder).
 */
@QuarkusTest
class KogitoDecisionEndpointsTest {

    private static final String VISITOR = """
            {"Visitor": {"age": 70, "birthday": "1956-05-20", "memberSince": "2023-02-01"},
             "Visit Date": "2026-05-02"}
            """;

    @Test
    void plainEndpointAnswersTheResultContextWithInputsAndDecisions() {
        given().contentType("application/json").body(VISITOR)
                .post("/decisions/ticket-pricing")
                .then().statusCode(200)
                .body("'Age Band'", equalTo("senior"))                 // UNIQUE
                .body("'Base Price'", equalTo(25.00f))                 // FIRST
                .body("Discounts", containsInAnyOrder("member", "birthday")) // COLLECT, list output
                .body("'Discount Percent'", equalTo(30))               // COLLECT SUM
                .body("Notes", equalTo(java.util.List.of("keep your ticket"))) // RULE ORDER
                .body("Price", equalTo(17.5f))                         // BKM call
                .body("'Valid Until'", equalTo("2026-06-01"))          // date arithmetic, ISO-8601
                .body("'Membership Length'", equalTo("P3Y3M"))         // years-months duration
                .body("'Opening Hours'", equalTo("[ 9 .. 17 ]"))      // FEEL range as its FEEL text
                .body("'Round Price'", startsWith("function Round Price"))
                .body("'Visit Date'", equalTo("2026-05-02"))           // inputs are part of the context
                .body("Visitor.age", equalTo(70));
    }

    @Test
    void dmnresultEndpointAnswersTheKogitoShape() {
        given().contentType("application/json").body(VISITOR)
                .post("/decisions/ticket-pricing/dmnresult")
                .then().statusCode(200)
                .body("namespace", equalTo("https://onewindow.org/dmn/test/ticket-pricing"))
                .body("modelName", equalTo("ticket-pricing"))
                .body("dmnContext.'Age Band'", equalTo("senior"))
                .body("messages", notNullValue())
                .body("decisionResults.decisionName", hasItems("Age Band", "Price", "Discounts"))
                .body("decisionResults.find { it.decisionName == 'Price' }.result", equalTo(17.5f))
                .body("decisionResults.find { it.decisionName == 'Price' }.evaluationStatus", equalTo("SUCCEEDED"));
    }

    @Test
    void aValueViolatingItsTypeIsA422OnThePlainEndpointAnd200WithMessagesOnDmnresult() {
        String tooOld = """
                {"Visitor": {"age": 200, "birthday": "1826-01-01", "memberSince": null}, "Visit Date": "2026-05-02"}
                """;
        given().contentType("application/json").body(tooOld)
                .post("/decisions/ticket-pricing")
                .then().statusCode(422)
                .body("modelName", equalTo("ticket-pricing"))
                .body("messages.severity", hasItem("ERROR"));
        given().contentType("application/json").body(tooOld)
                .post("/decisions/ticket-pricing/dmnresult")
                .then().statusCode(200)
                .body("messages.severity", hasItem("ERROR"))
                .body("decisionResults.evaluationStatus", hasItem("SKIPPED")); // decisions on the bad input are not evaluated
    }

    @Test
    void unknownModelIs404AndANonObjectBodyIs400() {
        given().contentType("application/json").body("{}")
                .post("/decisions/no-such-model")
                .then().statusCode(404).body("error", equalTo("not found"));
        given().contentType("application/json").body("[1, 2]")
                .post("/decisions/ticket-pricing")
                .then().statusCode(400).body("error", notNullValue()).body("detail", notNullValue());
        given().contentType("application/json").body("{\"Visitor\": ")
                .post("/decisions/ticket-pricing/dmnresult")
                .then().statusCode(400).body("field", equalTo("body"));
    }

    @Test
    void everyModelInTheRulesFolderIsListed() {
        given().get("/decisions").then().statusCode(200)
                .body("models.name", hasItems("ticket-pricing", "window-routing", "tolerance-policy",
                        "materials-scjg", "department-routing", "life-event-matters", "department-decisions"))
                .body("models.find { it.name == 'ticket-pricing' }.inputs.name", hasItems("Visitor", "Visit Date"));
    }

    @Test
    void intakeModelsAreServedToo() {
        given().contentType("application/json")
                .body("{\"Matter\": {\"code\": \"x\", \"name\": null, \"type\": \"行政许可\", \"department\": \"tax\", \"theme\": \"tax\"}}")
                .post("/decisions/window-routing")
                .then().statusCode(200).body("Window", equalTo("tax"));
    }
}
