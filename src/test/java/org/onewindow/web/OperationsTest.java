package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Operations (issue 16): Prometheus metrics at /q/metrics, security headers on every page. */
@QuarkusTest
class OperationsTest {

    @Test
    void metricsCountDecisionsByModelRuleSetAndWindowAndTimeEvaluationsAndSearches() {
        String version = given().get("/api/rules").jsonPath().getString("serving.version");
        given().contentType("application/json").body("{\"matters\": [\"food-business-licence\"]}")
                .post("/api/intake/evaluate").then().statusCode(200);
        given().get("/api/search?q=营业执照").then().statusCode(200);
        given().get("/api/matters/no-such-matter").then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("onewindow_decisions_total\\{[^}]*model=\"intake\"[^}]*ruleset=\"" + version
                + "\"[^}]*window=\"market\"[^}]*} [1-9]").matcher(metrics).find()
                || Pattern.compile("onewindow_decisions_total\\{[^}]*model=\"intake\",ruleset=\"" + version + "\",window=\"[a-z-]+\"")
                        .matcher(metrics).find(), "decisions by model, rule-set version and window:\n" + grep(metrics, "decisions"));
        assertTrue(Pattern.compile("onewindow_evaluation_seconds_bucket\\{[^}]*endpoint=\"intake\"").matcher(metrics).find(),
                "evaluation latency histogram:\n" + grep(metrics, "onewindow_evaluation"));
        assertTrue(Pattern.compile("onewindow_search_seconds_bucket\\{[^}]*endpoint=\"search\"").matcher(metrics).find(),
                "search latency histogram");
        assertTrue(Pattern.compile("http_server_requests_seconds_count\\{[^}]*status=\"404\"").matcher(metrics).find(),
                "HTTP status counts");
    }

    @Test
    void pagesAndAnswersCarrySecurityHeaders() {
        for (String path : new String[] {"/", "/login", "/api/windows", "/matter/food-business-licence"}) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
        given().redirects().follow(false).get("/clerk").then().statusCode(302)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    private static String grep(String text, String part) {
        return String.join("\n", text.lines().filter(l -> l.contains(part)).toList());
    }
}
