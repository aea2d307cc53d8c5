package org.onewindow.casework;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import io.quarkus.scheduler.Scheduled;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * 电子监察 that acts, driven through the scheduled job itself with the test clock moved forward:
 * yellow then red cards written once each, a red case escalated to the supervisors and
 * acknowledged, and an overdue tolerated material suspending processing until it is supplied.
 */
@QuarkusTest
class SupervisionJobTest {

    @Inject
    SupervisionJob job;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static long accepted(String missing) {
        long id = ApplicationApiTest.create(TestApplicants.enterprise()).getLong("id");
        for (String code : List.of("food-business-application", "business-licence", "food-facility-layout",
                "food-safety-rules")) {
            ApplicationApiTest.mark(id, code, code.equals(missing) ? "missing" : "received");
        }
        ApplicationApiTest.accept(id, Cases.version(id), null).then().statusCode(200);
        return id;
    }

    private static JsonPath read(long id) {
        return TestStaff.admin().get("/api/applications/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Moves the clock to the given district day (at the same time of day). */
    private void moveTo(LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        clock.advance(Duration.ofDays(day.toEpochDay() - today.toEpochDay()));
    }

    @Test
    void theJobIsScheduled() throws NoSuchMethodException {
        Scheduled scheduled = SupervisionJob.class.getDeclaredMethod("scheduled").getAnnotation(Scheduled.class);
        assertEquals("${onewindow.supervision.every:5m}", scheduled.every());
    }

    @Test
    void yellowThenRedThenEscalatedOnceAndAcknowledged() {
        long id = accepted(null);
        JsonPath app = read(id);
        LocalDate due = LocalDate.parse(app.getString("dueOn"));
        int version = app.getInt("version");

        job.sweep();
        assertTrue(!read(id).getList("timeline.kind").contains("card-yellow"), "green: nothing to record");

        moveTo(due.minusDays(1));
        job.sweep();
        List<String> kinds = read(id).getList("timeline.kind");
        assertEquals(1, kinds.stream().filter("card-yellow"::equals).count(), kinds.toString());
        assertEquals(version, read(id).getInt("version"), "a card is no state change: the desk's version stands");

        moveTo(due.plusDays(3));
        job.sweep();
        job.sweep(); // a second sweep (or a second node) records nothing twice
        kinds = read(id).getList("timeline.kind");
        assertEquals(1, kinds.stream().filter("card-red"::equals).count(), kinds.toString());
        assertEquals(1, kinds.stream().filter("escalated"::equals).count(), kinds.toString());
        assertEquals("电子监察", read(id).getString("timeline.find { it.kind == 'card-red' }.actor"));

        List<Map<String, Object>> open = TestStaff.as(TestStaff.SUPERVISOR).get("/api/supervision/escalations?open=true")
                .then().statusCode(200).extract().path("findAll { it.applicationId == " + id + " }");
        assertEquals(1, open.size(), open.toString());
        long escalation = ((Number) open.get(0).get("id")).longValue();
        TestStaff.clerk().get("/api/supervision/escalations").then().statusCode(403);
        TestStaff.as(TestStaff.SUPERVISOR).contentType("application/json").body("{}")
                .post("/api/supervision/escalations/" + escalation + "/acknowledge").then().statusCode(400)
                .body("field", equalTo("comment"));
        TestStaff.as(TestStaff.SUPERVISOR).contentType("application/json").body(Map.of("comment", "已约谈审批科室，明日办结"))
                .post("/api/supervision/escalations/" + escalation + "/acknowledge").then().statusCode(200)
                .body("acknowledgedBy", equalTo(TestStaff.SUPERVISOR));
        TestStaff.as(TestStaff.SUPERVISOR).get("/api/supervision/escalations?open=true").then()
                .body("id", not(hasItem((int) escalation)));
        assertTrue(read(id).getList("timeline.kind").contains("escalation-acknowledged"));
    }

    @Test
    void anOverdueToleratedMaterialSuspendsUntilSupplied() {
        long id = accepted("food-safety-rules");
        JsonPath app = read(id);
        LocalDate supplyBy = LocalDate.parse(app.getString("checklist.find { it.code == 'food-safety-rules' }.dueOn"));
        moveTo(supplyBy.plusDays(1));
        job.sweep();
        JsonPath suspended = read(id);
        assertEquals("suspended", suspended.getString("status"));
        assertTrue(suspended.getList("timeline.kind").contains("suspended"));
        // a department cannot approve while suspended
        TestStaff.as(TestStaff.REVIEWER).contentType("application/json")
                .body(Map.of("version", suspended.getInt("version"), "decision", "approve"))
                .post("/api/applications/" + id + "/departments/xzspj/decision").then().statusCode(409);

        JsonPath supplied = ApplicationApiTest.mark(id, "food-safety-rules", "received");
        assertEquals("accepted-with-tolerance", supplied.getString("status"));
        assertEquals("supplied", supplied.getString("checklist.find { it.code == 'food-safety-rules' }.state"));
        assertTrue(supplied.getList("timeline.kind").contains("resumed"));
        job.sweep();
        assertEquals("accepted-with-tolerance", read(id).getString("status"));
    }
}
