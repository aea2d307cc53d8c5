package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndApiDescriptionTest {

    @Test
    void readinessCoversDatabaseRulesAndKnowledgeBase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("rule-set", "knowledge-base", "Database connections health check"));
    }

    @Test
    void openApiListsEveryApiAndDecisionEndpoint() {
        String spec = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        for (String path : new String[] {"/api/matters", "/api/matters/{code}", "/api/departments", "/api/windows",
                "/api/events", "/api/events/{code}", "/api/intake/evaluate", "/decisions", "/decisions/{modelName}",
                "/decisions/{modelName}/dmnresult", "/api/rules/reload"}) {
            org.hamcrest.MatcherAssert.assertThat(spec, containsString("\"" + path + "\""));
        }
    }

    @Test
    void homePageIsChineseByDefaultAndEnglishOnRequest() {
        given().get("/").then().statusCode(200)
                .body(containsString("lang=\"zh-CN\""))
                .body(containsString("市场准入类综合窗口"));
        given().get("/?lang=en").then().statusCode(200)
                .body(containsString("lang=\"en\""))
                .body(containsString("Market access window"))
                .cookie("ow_lang", "en");
        given().cookie("ow_lang", "en").get("/").then().statusCode(200).body(containsString("lang=\"en\""));
    }
}
