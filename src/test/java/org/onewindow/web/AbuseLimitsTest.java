package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * What an anonymous caller may cost (issue 16): limits per client with 429 and Retry-After, a cap
 * on an interview's matters and on an anonymous scenario run, and the whole suite and the reload
 * kept for staff. (127.0.0.1 is exempt in the test profile; these requests come as other clients
 * through X-Forwarded-For.)
 */
@QuarkusTest
class AbuseLimitsTest {

    @Test
    void anAnonymousClientOverItsBudgetGets429WithRetryAfter() {
        String client = "192.0.2.77";
        int ok = 0;
        Response limited = null;
        for (int i = 0; i < 300 && limited == null; i++) {
            Response r = given().header("X-Forwarded-For", client).contentType("application/json")
                    .body("{\"Matter\": {\"code\": \"x\", \"type\": \"行政许可\", \"department\": \"tax\", \"theme\": \"tax\"}}")
                    .post("/decisions/window-routing");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                ok++;
            }
        }
        assertTrue(limited != null, "the budget of 60 evaluations a minute ran out (" + ok + " answered)");
        assertTrue(ok >= 55, "the budget allowed " + ok);
        limited.then().header("Retry-After", notNullValue()).body("error", equalTo("too many requests"));
        // another client is not affected, nor are health checks of the limited one
        given().header("X-Forwarded-For", "192.0.2.78").contentType("application/json")
                .body("{\"Matter\": {\"code\": \"x\", \"type\": \"行政许可\", \"department\": \"tax\", \"theme\": \"tax\"}}")
                .post("/decisions/window-routing").then().statusCode(200);
        given().header("X-Forwarded-For", client).get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void cheapReadsHaveTheirOwnLargerBudget() {
        String client = "192.0.2.79";
        int ok = 0;
        Response limited = null;
        // 300 a minute, refilled as time passes (5 a second): the first 429 comes after about 300
        for (int i = 0; i < 3000 && limited == null; i++) {
            Response r = given().header("X-Forwarded-For", client).get("/api/windows");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                ok++;
            }
        }
        assertTrue(limited != null, "the read budget ran out");
        assertTrue(ok >= 290, "300 reads a minute, more than the 60 evaluations: " + ok);
        limited.then().header("Retry-After", notNullValue());
    }

    @Test
    void anInterviewOverTooManyMattersIsRefused() {
        List<String> matters = new ArrayList<>(given().get("/api/matters?limit=30").jsonPath().getList("items.code"));
        String body = "{\"matters\": [\"" + String.join("\", \"", matters.subList(0, 6)) + "\"]}";
        given().contentType("application/json").body(body).post("/api/interview")
                .then().statusCode(400).body("field", equalTo("matters")).body("detail", containsString("5"));
        given().contentType("application/json").body("{\"matters\": [\"" + String.join("\", \"", matters.subList(0, 5))
                + "\"]}").post("/api/interview").then().statusCode(200);
    }

    @Test
    void theWholeScenarioSuiteIsForStaff() {
        given().contentType("application/json").body("{}").post("/api/scenarios/run")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
        given().contentType("application/json").body("{\"file\": \"food.yaml\"}").post("/api/scenarios/run")
                .then().statusCode(401);
        TestStaff.clerk().contentType("application/json").body("{}").post("/api/scenarios/run").then().statusCode(403);
        given().get("/api/scenarios/drafts").then().statusCode(401);
        given().contentType("application/json").body(inline(21)).post("/api/scenarios/run")
                .then().statusCode(400).body("field", equalTo("scenarios"));
        TestStaff.as(TestStaff.TESTER).contentType("application/json").body(inline(21)).post("/api/scenarios/run")
                .then().statusCode(200).body("results.size()", equalTo(21));
        given().contentType("application/json").body(inline(20)).post("/api/scenarios/run")
                .then().statusCode(200).body("results.size()", equalTo(20));
    }

    private static String inline(int count) {
        StringBuilder body = new StringBuilder("{\"scenarios\": [");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{\"name\": \"s").append(i).append("\", \"situation\": ")
                    .append("{\"matters\": [\"food-business-licence\"]}, \"expect\": {\"window\": \"market\"}}");
        }
        return body.append("]}").toString();
    }

    @Test
    void onlyAnAdministratorMayReloadTheRules() {
        given().post("/api/rules/reload").then().statusCode(401);
        TestStaff.clerk().post("/api/rules/reload").then().statusCode(403);
        TestStaff.as(TestStaff.TESTER).post("/api/rules/reload").then().statusCode(403);
        TestStaff.admin().post("/api/rules/reload").then().statusCode(200);
    }
}
