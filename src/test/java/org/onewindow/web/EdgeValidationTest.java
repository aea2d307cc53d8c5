package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The 500s the security probe of issue 16 found, each now a 400 naming the field — and nothing
 * half-saved by a refused request.
 */
@QuarkusTest
class EdgeValidationTest {

    private static final String FOOD = "{\"matters\": [\"food-business-licence\"], ";

    @Inject
    DataSource dataSource;

    @ParameterizedTest(name = "asOf {0}")
    @ValueSource(strings = {"+10000-01-01", "-0001-01-01", "9999-12-31", "0000-01-01", "20260-01-01"})
    void aFarAwayDateIsRefusedOnEvaluateInterviewAndApplications(String date) {
        String body = FOOD + "\"asOf\": \"" + date + "\"}";
        given().contentType("application/json").body(body).post("/api/intake/evaluate")
                .then().statusCode(400).body("field", equalTo("asOf"));
        given().contentType("application/json").body(body).post("/api/interview")
                .then().statusCode(400).body("field", equalTo("asOf"));
        TestStaff.clerk().contentType("application/json").body(FOOD + "\"asOf\": \"" + date + "\", \"applicant\": "
                + "{\"type\": \"enterprise\", \"id\": \"" + TestApplicants.enterprise() + "\"}}")
                .post("/api/applications").then().statusCode(400);
    }

    @ParameterizedTest(name = "answer {0}")
    @ValueSource(strings = {"1e999999999", "1e-999999999", "123456789012345678901234567890123", "0.0000000000000000000000000000000001"})
    void anOverflowingNumberIsRefusedBeforeAnythingIsDecidedOrStored(String number) throws Exception {
        long before = decisions();
        given().contentType("application/json").body(FOOD + "\"answers\": {\"applicantAge\": " + number + "}}")
                .post("/api/intake/evaluate")
                .then().statusCode(400).body("field", equalTo("answers.applicantAge"));
        assertEquals(before, decisions(), "no decision recorded for a refused request");
    }

    @Test
    void aNumberOutOfRangeFromAKioskLinkIsRefusedToo() {
        given().redirects().follow(false).get("/interview?matter=food-business-licence&a.applicantAge=1e999999999")
                .then().statusCode(400);
    }

    @Test
    void aNulByteInAQueryIsA400NotA500() {
        TestStaff.clerk().urlEncodingEnabled(false).get("/api/applications?q=a%00b").then().statusCode(400)
                .body("field", equalTo("q"));
        given().urlEncodingEnabled(false).get("/api/search?q=%E5%8A%9E%00%E7%90%86").then().statusCode(400)
                .body("field", equalTo("q"));
        given().urlEncodingEnabled(false).redirects().follow(false).get("/clerk?q=%00").then().statusCode(400);
        // in a path parameter too (found by FuzzIT: PUT /api/staff/%00 answered 500)
        TestStaff.admin().urlEncodingEnabled(false).contentType("application/json").body("{\"active\": true}")
                .put("/api/staff/%00").then().statusCode(400).body("field", equalTo("path"));
        given().urlEncodingEnabled(false).get("/api/matters/a%1Fb").then().statusCode(400);
    }

    @Test
    void aNulByteInAnApplicantsNameIsRefusedAndLeavesNoOrphanDecision() throws Exception {
        long before = decisions();
        TestStaff.clerk().contentType("application/json").body(FOOD + "\"answers\": {\"agent\": false, "
                + "\"vendingMachineOnly\": false}, \"applicant\": {\"type\": \"enterprise\", \"id\": \""
                + TestApplicants.enterprise() + "\", \"name\": \"餐饮\\u0000公司\"}}")
                .post("/api/applications").then().statusCode(400).body("field", equalTo("applicant.name"));
        assertEquals(before, decisions(), "the refused application left no decision record behind");
    }

    @Test
    void jsonNestedDeeplyIsA400WithAJsonError() {
        String deep = "{\"Visitor\": " + "[".repeat(999) + "]".repeat(999) + "}";
        given().contentType("application/json").body(deep).post("/decisions/ticket-pricing")
                .then().statusCode(400).contentType(containsString("json")).body("field", equalTo("body"));
        given().contentType("application/json").body(deep).post("/decisions/ticket-pricing/dmnresult")
                .then().statusCode(400).body("field", equalTo("body"));
        given().contentType("application/json").body("{\"matters\": " + "[".repeat(999) + "]".repeat(999) + "}")
                .post("/api/intake/evaluate").then().statusCode(400).body("field", equalTo("body"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "name,situation\n\"unterminated,x\n",
        "\u0000\u0001\u0002",
        "a\n\"b\"\"\"c\",d,e,f\n",
        ",,,\n,,,\n",
        "name,matters,expect.window\nx,food-business-licence\n",
        "name\n" + "\"x\n",
        "name;matters\r\nx;y\r\n"})
    void malformedCsvImportsAreNeverServerErrors(String csv) {
        io.restassured.response.Response r = given().contentType("text/csv").body(csv).post("/api/scenarios/import");
        org.junit.jupiter.api.Assertions.assertTrue(r.statusCode() < 500, r.statusCode() + ": " + r.asString());
        if (r.statusCode() >= 400) {
            r.then().contentType(containsString("json")).body("error", org.hamcrest.Matchers.notNullValue())
                    .body("detail", org.hamcrest.Matchers.notNullValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/matters?limit=abc|limit", "/api/matters?limit=1.5|limit", "/api/matters?offset=x|offset",
        "/api/search?q=%E8%90%A5%E4%B8%9A&limit=ten|limit"})
    void aNonNumericLimitIsA400NamingIt(String urlAndField) {
        String[] parts = urlAndField.split("\\|");
        given().urlEncodingEnabled(false).get(parts[0]).then().statusCode(400).body("field", equalTo(parts[1]));
        TestStaff.clerk().get("/api/applications?limit=abc").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void theRulesStatusDoesNotShowTheServersFileSystem() {
        given().get("/api/rules").then().statusCode(200)
                .body("folder", equalTo("test-rules"))
                .body(not(containsString("/target/")));
    }

    @Test
    void theQualityReportIsJsonNotA500() {
        given().get("/api/rules/quality").then().statusCode(200)
                .body("passed", org.hamcrest.Matchers.notNullValue()).body("checks.size()", org.hamcrest.Matchers.greaterThan(0));
        given().get("/api/scenarios/checks").then().statusCode(200).body("quality.checks.size()",
                org.hamcrest.Matchers.greaterThan(0));
    }

    private long decisions() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM decision_record_outcome")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
