package org.onewindow.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Intake decisions through the API, on real guides and the shipped rules. */
@QuarkusTest
class IntakeEvaluateTest {

    @Inject
    DataSource dataSource;

    private static JsonPath evaluate(String body) {
        return given().contentType("application/json").body(body).post("/api/intake/evaluate")
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    @Test
    void foodBusinessLicenceIsAMarketAccessMatterLedByTheApprovalBureau() {
        JsonPath r = evaluate("{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, \"vendingMachineOnly\": false}}");
        assertEquals("market-access", r.getString("window.code"));
        assertEquals("市场准入类综合窗口", r.getString("window.name"));
        // the district catalogue gives the food business licence to the 行政审批局 (issue 14)
        assertEquals("xzspj", r.getString("departments.find { it.role == 'lead' }.code"));
        List<String> codes = r.getList("materials.code");
        assertTrue(codes.containsAll(List.of("food-business-application", "business-licence", "food-facility-layout",
                "food-safety-rules")), codes.toString());
        assertTrue(!codes.contains("power-of-attorney") && !codes.contains("vending-machine-documents"),
                "conditional materials whose situation does not apply are not asked for: " + codes);
        assertTrue(r.getList("pendingQuestions").isEmpty());
        assertTrue(r.getString("notice").contains("市场准入类综合窗口"), r.getString("notice"));
        assertTrue(r.getString("notice").contains("《食品经营许可申请书》"), r.getString("notice"));
        assertEquals(r.getString("ruleSet.version").length(), 12);
        // the day the version in force took effect: the rules folder's date for the seeded version 1, the day of
        // publishing for a later one (since issue 11 a reload publishes the folder from today)
        assertEquals(given().get("/api/rules").then().extract().path("serving.effectiveFrom"),
                r.getString("ruleSet.effectiveFrom"));
        assertTrue(!java.time.LocalDate.parse(r.getString("ruleSet.effectiveFrom"))
                .isAfter(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
    }

    @Test
    void everyDecisionNamesTheRuleRowItsReasonAndBasis() {
        JsonPath r = evaluate("{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": true}}");
        List<Map<String, Object>> explanation = r.getList("explanation");
        assertTrue(explanation.stream().anyMatch(e -> String.valueOf(e.get("rule")).startsWith("window-routing#")
                && String.valueOf(e.get("reason")).contains("市场准入类综合窗口")), explanation.toString());
        assertTrue(explanation.stream().anyMatch(e -> String.valueOf(e.get("rule")).startsWith("materials-scjg#food-business-licence-")
                && String.valueOf(e.get("reason")).contains("委托")), explanation.toString());
        assertTrue(explanation.stream().allMatch(e -> e.get("reason") != null && e.get("reasonEn") != null
                && e.get("basis") != null), "every row has a reason in both languages and a basis");
        // an agent was named: the power of attorney is required, with the rule's reason
        assertEquals(Boolean.TRUE, r.get("materials.find { it.code == 'power-of-attorney' }.required"));
        assertTrue(r.getString("materials.find { it.code == 'business-licence' }.basis").contains("食品安全法"));
    }

    @Test
    void anUnansweredQuestionIsPendingAndItsMaterialIsListedConditionally() {
        JsonPath r = evaluate("{\"matters\": [\"food-business-licence\"]}");
        assertTrue(r.getList("pendingQuestions.id").containsAll(List.of("agent", "vendingMachineOnly")),
                r.getList("pendingQuestions.id").toString());
        assertEquals(Boolean.TRUE, r.get("materials.find { it.code == 'power-of-attorney' }.pending"));
        assertEquals(Boolean.FALSE, r.get("materials.find { it.code == 'power-of-attorney' }.required"));
        assertTrue(r.getString("notice").contains("如属以下情形"), r.getString("notice"));
        assertTrue(r.getString("pendingQuestions.find { it.id == 'agent' }.why").length() > 5);
    }

    @Test
    void aMinimumLivingAllowanceApplicationGoesToTheSocialLivelihoodWindow() {
        JsonPath r = evaluate("{\"matters\": [\"minimum-living-allowance\"]}");
        assertEquals("social-livelihood", r.getString("window.code"));
        assertEquals("mzj", r.getString("departments.find { it.role == 'lead' }.code"));
    }

    @Test
    void taxMattersGoToTheTaxWindowAndPoliceMattersToThePoliceWindow() {
        assertEquals("tax", evaluate("{\"matters\": [\"new-taxpayer-registration\"]}").getString("window.code"));
        assertEquals("tax", evaluate("{\"matters\": [\"deed-tax-declaration\"]}").getString("window.code"));
        assertEquals("police", evaluate("{\"matters\": [\"id-card-application\"]}").getString("window.code"));
    }

    @Test
    void toleranceOffersNonKeyMaterialsWithADeadlineWithinThePromisedLimit() {
        JsonPath r = evaluate("{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false},"
                + " \"applicant\": {\"type\": \"enterprise\", \"id\": \"91350100M000100Y43\", \"creditStatus\": \"good\"}}");
        List<String> tolerable = r.getList("tolerable.code");
        assertEquals(List.of("food-safety-rules"), tolerable);
        assertTrue(!tolerable.contains("food-business-application") && !tolerable.contains("business-licence"),
                "key materials are never tolerable: " + tolerable);
        // the layout defines what the on-site inspection checks: never tolerable, and the row says why
        List<Map<String, Object>> explanation = r.getList("explanation");
        assertTrue(explanation.stream().anyMatch(e -> "tolerance-policy#tolerance-review-scope".equals(e.get("rule"))
                && "food-facility-layout".equals(e.get("material"))), explanation.toString());
        // the department's own 10 days stand, within promised 20 minus 2
        assertEquals(10, r.getInt("tolerable.find { it.code == 'food-safety-rules' }.deadlineDays"));
        assertTrue(r.getString("notice").contains("容缺受理"), r.getString("notice"));
    }

    @Test
    void aBadCreditApplicantGetsNoTolerance() {
        JsonPath r = evaluate("{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false},"
                + " \"applicant\": {\"type\": \"enterprise\", \"creditStatus\": \"bad\"}}");
        assertTrue(r.getList("tolerable").isEmpty());
        assertTrue(r.getList("materials.tolerable").stream().noneMatch(Boolean.TRUE::equals));
        List<Map<String, Object>> explanation = r.getList("explanation");
        assertTrue(explanation.stream().anyMatch(e -> "tolerance-policy#tolerance-bad-credit".equals(e.get("rule"))
                && String.valueOf(e.get("reason")).contains("不良信用")), explanation.toString());
    }

    @Test
    void everyToleranceDeadlineIsAtLeastTwoWorkingDaysBeforeThePromisedLimit() {
        List<String> codes = given().get("/api/matters?limit=500&guide=full").then().statusCode(200).extract().path("items.code");
        for (String code : codes) {
            JsonPath r = evaluate("{\"matters\": [\"" + code + "\"]}");
            int promised = r.getInt("matters[0].promisedDays");
            for (Integer days : r.<Integer>getList("tolerable.deadlineDays")) {
                assertTrue(days > 0 && days <= promised - 2 && days <= 20, code + ": " + days + " vs promised " + promised);
            }
        }
    }

    @Test
    void theRestaurantLifeEventMergesMaterialsWithoutDuplicates() {
        JsonPath r = evaluate("{\"event\": \"open-restaurant\", \"answers\": {\"businessForm\": \"company\","
                + " \"hasSignboard\": false, \"publicGathering\": false, \"agent\": false}}");
        assertEquals("market-access", r.getString("window.code"));
        List<String> matters = r.getList("matters.code");
        assertEquals(List.of("drainage-permit", "company-establishment", "food-business-licence", "new-taxpayer-registration"), matters);
        List<String> codes = r.getList("materials.code");
        assertEquals(codes.size(), codes.stream().distinct().count(), "each material is listed once: " + codes);
        // the business licence comes out of the company registration in the same intake
        assertEquals("company-establishment", r.getString("materials.find { it.code == 'business-licence' }.producedBy"));
        assertEquals(Boolean.FALSE, r.get("materials.find { it.code == 'business-licence' }.required"));
        List<Map<String, Object>> explanation = r.getList("explanation");
        assertTrue(explanation.stream().anyMatch(e -> String.valueOf(e.get("rule")).endsWith("produced-inside-the-bundle")),
                explanation.toString());
        assertTrue(explanation.stream().anyMatch(e -> String.valueOf(e.get("rule")).startsWith("life-event-matters#")));
        // the tax matter is received here and forwarded to its dedicated window
        assertTrue(r.getString("notice").contains("专窗"), r.getString("notice"));
        assertEquals("xzspj", r.getString("departments.find { it.role == 'lead' }.code"));
        assertTrue(r.getList("departments.code").contains("tax"));
    }

    @Test
    void aLifeEventWithUnansweredQuestionsAsksThem() {
        JsonPath r = evaluate("{\"event\": \"open-restaurant\"}");
        assertTrue(r.getList("pendingQuestions.id").containsAll(List.of("businessForm", "hasSignboard", "publicGathering")),
                r.getList("pendingQuestions.id").toString());
        assertTrue(r.getList("matters.code").contains("food-business-licence"));
    }

    @Test
    void everyMatterAndEveryLifeEventEvaluates() {
        List<String> matters = given().get("/api/matters?limit=500&guide=full").then().extract().path("items.code");
        for (String code : matters) {
            given().contentType("application/json").body("{\"matters\": [\"" + code + "\"]}")
                    .post("/api/intake/evaluate").then().statusCode(200).body("window.code", notNullValue());
        }
        List<String> events = given().get("/api/events").then().extract().path("code");
        for (String code : events) {
            given().contentType("application/json").body("{\"event\": \"" + code + "\"}")
                    .post("/api/intake/evaluate").then().statusCode(200).body("window.code", notNullValue());
        }
    }

    @Test
    void everyEvaluationIsRecordedWithItsRuleSetVersion() throws Exception {
        JsonPath r = evaluate("{\"matters\": [\"retirement\"]}");
        long id = r.getLong("decisionId");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT rule_set_version, window_code, matters, inputs->>'matters' FROM decision_record_outcome WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "decision " + id + " is recorded");
                assertEquals(r.getString("ruleSet.version"), rs.getString(1));
                assertEquals("social-livelihood", rs.getString(2));
                assertEquals("retirement", rs.getString(3));
            }
        }
    }

    @Test
    void theEnglishNoticeAndReasonsComeAlong() {
        JsonPath r = evaluate("{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false}}");
        assertTrue(r.getString("noticeEn").contains("Market access window"), r.getString("noticeEn"));
        assertTrue(r.getString("window.reasonEn").length() > 10);
    }
}
