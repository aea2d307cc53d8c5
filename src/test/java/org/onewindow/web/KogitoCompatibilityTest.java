package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Cases taken from Kogito's own example tests (Traffic Violation; the onboarding payroll dates)
 * and from the DMN TCK's date/time and duration cases (0007-date-time: "P13DT2H14S",
 * "2016-12-24T23:59:00-08:00"), against models in src/test/resources/extra-rules. Durations come
 * back as ISO-8601 text (days-time as FEEL writes them, years-months as periods), date-times with
 * their fraction and offset — exactly as Kogito serialises them.
 */
@QuarkusTest
class KogitoCompatibilityTest {

    @Test
    void trafficViolationAsInKogitosExampleTest() {
        given().contentType("application/json").body("""
                {"Driver": {"Points": 2}, "Violation": {"Type": "speed", "Actual Speed": 120, "Speed Limit": 100}}
                """)
                .urlEncodingEnabled(false).post("/decisions/Traffic%20Violation")
                .then().log().ifValidationFails().statusCode(200)
                .body("'Should the driver be suspended?'", equalTo("No"))
                .body("Fine.Amount", equalTo(500))
                .body("Fine.Points", equalTo(3));
        given().contentType("application/json").body("""
                {"Driver": {"Name": "Arthur", "Age": 30, "State": "SP", "City": "Campinas", "Points": 15},
                 "Violation": {"Code": "s", "Date": "2020-10-12", "Type": "speed", "Actual Speed": 140, "Speed Limit": 100}}
                """)
                .urlEncodingEnabled(false).post("/decisions/Traffic%20Violation/dmnresult")
                .then().log().ifValidationFails().statusCode(200)
                .body("modelName", equalTo("Traffic Violation"))
                .body("dmnContext.Fine.Amount", equalTo(1000))
                .body("dmnContext.'Should the driver be suspended?'", equalTo("Yes"))
                .body("dmnContext.Violation.Date", equalTo("2020-10-12"))
                .body("decisionResults.evaluationStatus", hasItems("SUCCEEDED"));
    }

    @Test
    void dateTimesWithFractionsAndOffsetsComeBackAsGiven() {
        given().contentType("application/json").body("""
                {"Employee": {"name": "Ana", "hireDate": "2024-01-10T09:15:30.250+08:00", "salary": 12000},
                 "Evaluation Date": "2024-01-23T11:15:44.250+08:00", "Notice Period": "PT0S",
                 "dateTimeString": "2024-01-10T09:15:30.250+08:00", "durationString": "P0D"}
                """)
                .post("/decisions/payroll-dates")
                .then().log().ifValidationFails().statusCode(200)
                .body("'Hired At'", equalTo("2024-01-10T09:15:30.25+08:00"))
                .body("'First Payment'", equalTo("2024-02-09T09:15:30.25+08:00"))
                .body("Employee.hireDate", equalTo("2024-01-10T09:15:30.25+08:00"))
                .body("'Time Of Service'", equalTo("P13DT2H14S"))
                .body("'Years Of Service'", equalTo("P0D")); // Kogito writes a zero period as java.time.Period does
    }

    @Test
    void tckDateTimeAndDurationCases() {
        given().contentType("application/json").body("""
                {"dateTimeString": "2016-12-24T23:59:00-08:00", "durationString": "P13DT2H14S",
                 "Evaluation Date": "2016-12-24T23:59:00.123-08:00", "Notice Period": "P1DT1H",
                 "Employee": {"hireDate": "2015-09-18T10:20:00Z"}}
                """)
                .post("/decisions/payroll-dates")
                .then().log().ifValidationFails().statusCode(200)
                .body("'Date-Time'", equalTo("2016-12-24T23:59:00-08:00"))
                .body("Duration", equalTo("P13DT2H14S"))
                .body("'Negative Duration'", equalTo("-P13DT2H14S"))
                .body("'Notice Ends'", equalTo("2016-12-26T00:59:00.123-08:00"))
                .body("'Years Of Service'", equalTo("P1Y3M"))
                .body("'Notice Period'", equalTo("P1DT1H"));
    }

    @Test
    void durationsInTheDmnresultShapeToo() {
        given().contentType("application/json").body("""
                {"durationString": "PT1H30M"}
                """)
                .post("/decisions/payroll-dates/dmnresult")
                .then().log().ifValidationFails().statusCode(200)
                .body("decisionResults.find { it.decisionName == 'Duration' }.result", equalTo("PT1H30M"))
                .body("dmnContext.Duration", equalTo("PT1H30M"));
    }
}
