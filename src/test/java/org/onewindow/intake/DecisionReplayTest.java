package org.onewindow.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.OneWindowTestResources;
import org.onewindow.testing.TestFiles;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A recorded decision names its rows by rule id and can always be shown with the rows as they
 * were written when it was decided, and replayed against the files of its own rule-set version —
 * after the rule files have changed.
 */
@QuarkusTest
class DecisionReplayTest {

    private static final String EVALUATE = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": true,"
            + " \"vendingMachineOnly\": false}, \"applicant\": {\"type\": \"enterprise\", \"creditStatus\": \"good\"}}";

    @AfterEach
    void restoreShippedRules() throws IOException {
        OneWindowTestResources.resetRules();
        TestStaff.admin().post("/api/rules/reload").then().statusCode(200);
    }

    @Test
    void anOldDecisionIsShownWithItsOwnRowsAndReplaysAgainstItsOwnFiles() throws IOException {
        JsonPath decided = given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate")
                .then().statusCode(200).extract().jsonPath();
        long id = decided.getLong("decisionId");
        String version = decided.getString("ruleSet.version");
        List<String> rules = decided.getList("explanation.rule");
        assertTrue(rules.contains("window-routing#window-market-access"), rules.toString());
        assertTrue(rules.contains("materials-scjg#food-business-licence-r2"), rules.toString());

        // policy staff reword the market-access row (since issue 11 a reload goes through the publish gate:
        // the whole scenario suite must still pass, so the edit changes a reason, not an outcome)
        TestFiles.replaceFirst(OneWindowTestResources.RULES.resolve("window-routing.dmn"),
                "市场主体登记和经营许可类事项（含烟草专卖零售许可），由市场准入类综合窗口统一受理", "市场准入类事项由市场准入窗口受理（新措辞）");
        TestStaff.admin().post("/api/rules/reload").then().statusCode(200);
        JsonPath now = given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate")
                .then().statusCode(200).extract().jsonPath();
        assertNotEquals(version, now.getString("ruleSet.version"));
        assertTrue(now.getList("explanation.reason").contains("市场准入类事项由市场准入窗口受理（新措辞）"),
                "today's rules give the new reason: " + now.getList("explanation.reason"));

        JsonPath shown = TestStaff.as(TestStaff.TESTER).get("/api/decision-records/" + id)
                .then().statusCode(200).body("ruleSetVersion", equalTo(version)).extract().jsonPath();
        Map<String, Object> window = shown.getMap("rows.find { it.rule == 'window-routing#window-market-access' }");
        assertEquals("市场主体登记和经营许可类事项（含烟草专卖零售许可），由市场准入类综合窗口统一受理", window.get("reason"));
        Map<String, Object> agent = shown.getMap("rows.find { it.rule == 'materials-scjg#food-business-licence-r2' }");
        assertEquals("true", ((Map<?, ?>) agent.get("when")).get("是否委托他人代为办理？"), agent.toString());
        assertEquals("true", ((Map<?, ?>) agent.get("then")).get("授权委托书"), agent.toString());

        TestStaff.as(TestStaff.TESTER).get("/api/decision-records/" + id + "/replay").then().statusCode(200)
                .body("ruleSetVersion", equalTo(version))
                .body("same", equalTo(true))
                .body("replayed.materials.findAll { it.required }.code", hasItem("power-of-attorney"));
    }

    @Test
    void decisionRecordsAreForStaffOnly() {
        long id = given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate")
                .then().statusCode(200).extract().jsonPath().getLong("decisionId");
        given().get("/api/decision-records/" + id).then().statusCode(401);
        TestStaff.clerk().get("/api/decision-records/" + id).then().statusCode(403);
        TestStaff.as(TestStaff.TESTER).get("/api/decision-records/999999999").then().statusCode(404);
    }
}
