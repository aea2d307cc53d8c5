package org.onewindow.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestClock;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The reform's figures and 好差评, on a day of their own (the test clock moved far ahead, so that
 * no other test's applications count): three applications — one delivered in one visit, one
 * returned, one accepted with tolerance and supplied on time — and the rating of the delivered one.
 */
@QuarkusTest
class StatisticsAndRatingsTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static long food(String applicant, String missing) {
        long id = ApplicationApiTest.create(applicant).getLong("id");
        for (String code : List.of("food-business-application", "business-licence", "food-facility-layout",
                "food-safety-rules")) {
            ApplicationApiTest.mark(id, code, code.equals(missing) ? "missing" : "received");
        }
        return id;
    }

    @Test
    void theFiguresOfADayAndTheRatingOfItsDeliveredApplication() {
        clock.advance(Duration.ofDays(700 + (System.nanoTime() % 50)));
        LocalDate day = LocalDate.now(clock);
        String deliveredApplicant = TestApplicants.enterprise();

        long delivered = food(deliveredApplicant, null);
        ApplicationApiTest.accept(delivered, Cases.version(delivered), null).then().statusCode(200);
        TestStaff.as(TestStaff.REVIEWER).contentType("application/json")
                .body(Map.of("version", Cases.version(delivered), "decision", "approve"))
                .post("/api/applications/" + delivered + "/departments/xzspj/decision").then().statusCode(200);
        String number = TestStaff.clerk().contentType("application/json").body(Map.of("version", Cases.version(delivered)))
                .post("/api/applications/" + delivered + "/deliver").then().statusCode(200).extract().path("number");

        long returned = food(TestApplicants.enterprise(), "food-business-application");
        TestStaff.clerk().contentType("application/json").body(Map.of("version", Cases.version(returned)))
                .post("/api/applications/" + returned + "/return").then().statusCode(200);

        long tolerated = food(TestApplicants.enterprise(), "food-safety-rules");
        ApplicationApiTest.accept(tolerated, Cases.version(tolerated), null).then().statusCode(200);
        ApplicationApiTest.mark(tolerated, "food-safety-rules", "received");

        String range = "?from=" + day + "&to=" + day;
        TestStaff.clerk().get("/api/statistics" + range).then().statusCode(403);
        JsonPath s = TestStaff.as(TestStaff.SUPERVISOR).get("/api/statistics" + range).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, s.getInt("total.received"));
        assertEquals(1, s.getInt("total.accepted"));
        assertEquals(1, s.getInt("total.acceptedWithTolerance"));
        assertEquals(1, s.getInt("total.returned"));
        assertEquals(1, s.getInt("total.delivered"));
        assertEquals(1, s.getInt("total.deliveredInTime"));
        assertEquals(1, s.getInt("total.toleratedSuppliedOnTime"));
        assertEquals(0, s.getInt("total.toleratedOverdue"));
        assertEquals(2, s.getInt("total.oneVisit"));
        assertEquals(0.667, s.getDouble("total.oneVisitRate"), 0.001);
        assertEquals(0.0, s.getDouble("total.meanWorkingDaysToDelivery"), 0.001);
        assertEquals(3, s.getInt("byWindow.find { it.code == 'market-access' }.figures.received"));
        assertEquals(3, s.getInt("byDepartment.find { it.code == 'xzspj' }.figures.received"));
        assertEquals(3, s.getInt("byMatter.find { it.code == 'food-business-licence' }.figures.received"));
        assertEquals("food-business-application", s.getString("returnReasons[0].code"));

        TestStaff.as(TestStaff.SUPERVISOR).get("/api/statistics" + range + "&format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).body(containsString("total,,,3,1,1,1,1,1,1,0,0,2,0.667,0.0"));
        TestStaff.as(TestStaff.SUPERVISOR).get("/api/statistics?from=" + day + "&to=" + day.minusDays(1)).then()
                .statusCode(400).body("field", equalTo("to"));
        TestStaff.as(TestStaff.SUPERVISOR).get("/api/statistics?from=yesterday").then().statusCode(400)
                .body("field", equalTo("from"));

        // 好差评: only the applicant's own, delivered application; once; a bad one opens a follow-up
        String tail = deliveredApplicant.substring(12);
        given().contentType("application/json").body(Map.of("number", number, "idTail", "000000", "score", 1))
                .post("/api/ratings").then().statusCode(404);
        given().contentType("application/json").body(Map.of("number", number, "idTail", tail, "score", 9))
                .post("/api/ratings").then().statusCode(400).body("field", equalTo("score"));
        String returnedNumber = TestStaff.clerk().get("/api/applications/" + returned).then().extract().path("number");
        String returnedId = TestStaff.clerk().get("/api/applications/" + returned).then().extract().path("applicant.id");
        given().contentType("application/json").body(Map.of("number", returnedNumber, "idTail",
                returnedId.substring(12), "score", 5)).post("/api/ratings").then().statusCode(409);
        given().contentType("application/json").body(Map.of("number", number, "idTail", tail, "score", 1,
                "comment", "等了很久", "channel", "kiosk")).post("/api/ratings").then().statusCode(201)
                .body("followUp", equalTo(true));
        given().contentType("application/json").body(Map.of("number", number, "idTail", tail, "score", 5))
                .post("/api/ratings").then().statusCode(409);

        List<Map<String, Object>> open = TestStaff.as(TestStaff.SUPERVISOR).get("/api/supervision/follow-ups").then()
                .statusCode(200).extract().path("findAll { it.number == '" + number + "' }");
        assertEquals(1, open.size());
        assertEquals(TestStaff.CLERK, open.get(0).get("clerk"));
        assertEquals("market-access", open.get(0).get("window"));
        LocalDate followUpDue = LocalDate.parse((String) open.get(0).get("followUpDue"));
        assertEquals(true, followUpDue.isAfter(day.plusDays(15)), followUpDue + " is 15 working days after " + day);
        long rating = ((Number) open.get(0).get("id")).longValue();
        TestStaff.as(TestStaff.SUPERVISOR).contentType("application/json").body(Map.of("comment", "已回访并致歉，优化叫号"))
                .post("/api/supervision/follow-ups/" + rating + "/close").then().statusCode(200);
        TestStaff.as(TestStaff.SUPERVISOR).get("/api/supervision/follow-ups").then()
                .body("number", not(hasItem(number)));
    }
}
