package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** Whatever a caller sends, a mistake is a 400 that names the field — never a 500. */
@QuarkusTest
class BadInputTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"matters\": [\"no-such-matter\"]}                                  | matters[0]",
        "{\"event\": \"no-such-event\"}                                       | event",
        "{\"matters\": [\"food-business-licence\"], \"event\": \"open-restaurant\"} | event",
        "{}                                                                   | matters",
        "{\"matters\": \"food-business-licence\"}                             | matters",
        "{\"matters\": [42]}                                                  | matters[0]",
        "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": \"yes\"}} | answers.agent",
        "{\"matters\": [\"food-business-licence\"], \"answers\": {\"nonsense\": true}} | answers.nonsense",
        "{\"matters\": [\"food-business-licence\"], \"answers\": []}          | answers",
        "{\"matters\": [\"food-business-licence\"], \"applicant\": {\"type\": \"person\", \"id\": \"110105194912310021\"}} | applicant.id",
        "{\"matters\": [\"food-business-licence\"], \"applicant\": {\"type\": \"enterprise\", \"id\": \"91350100M000100Y44\"}} | applicant.id",
        "{\"matters\": [\"food-business-licence\"], \"applicant\": {\"type\": \"robot\"}} | applicant.type",
        "{\"matters\": [\"food-business-licence\"], \"applicant\": {\"creditStatus\": \"excellent\"}} | applicant.creditStatus",
        "{\"matters\": [\"food-business-licence\"], \"asOf\": \"2026-13-01\"}   | asOf",
        "{\"matters\": [\"food-business-licence\"], \"asOf\": \"2020-01-01\"}   | asOf",
        "{\"matters\": [\"food-business-licence\"], \"surprise\": 1}           | surprise",
        "[1, 2, 3]                                                            | body",
        "{\"matters\": [                                                      | body",
    })
    void evaluateRefusesWithTheFieldNamed(String body, String field) {
        given().contentType("application/json").body(body)
                .post("/api/intake/evaluate")
                .then().statusCode(400)
                .body("error", notNullValue())
                .body("detail", containsString(field))
                .body("field", equalTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/api/matters?window=nowhere   | window",
        "/api/matters?department=none  | department",
        "/api/matters?type=行政魔法     | type",
        "/api/matters?limit=0          | limit",
        "/api/matters?limit=100000     | limit",
        "/api/matters?offset=-1        | offset",
    })
    void listingRefusesBadFilters(String url, String field) {
        given().get(url.trim()).then().statusCode(400).body("field", equalTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/matters/no-such-matter", "/api/events/no-such-event"})
    void unknownCodesAre404(String url) {
        given().get(url).then().statusCode(404).body("error", equalTo("not found"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/matters?limit=abc", "/api/matters?offset=1.5"})
    void nonNumericPagingIsAClientError(String url) {
        given().get(url).then().statusCode(org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.greaterThanOrEqualTo(400), org.hamcrest.Matchers.lessThan(500)));
    }
}
