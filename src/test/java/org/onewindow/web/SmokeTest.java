package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SmokeTest {

    @Test
    void foodLicenceGoesToMarketAccess() {
        given().contentType("application/json")
                .body("{\"matters\":[\"food-business-licence\"],\"answers\":{\"agent\":false}}")
                .post("/api/intake/evaluate")
                .then().log().ifValidationFails().statusCode(200)
                .body("window.code", equalTo("market-access"));
    }
}
