package org.onewindow.casework;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The contract's "Casework integrity" over HTTP, against the real rules and PostgreSQL: overrides
 * within the law and with two people, credit from the registry, the delivery gate, privacy by
 * department, idempotency per member of staff, and the queue's cost.
 */
@QuarkusTest
class CaseworkIntegrityTest {

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationStore store;

    private static long foodWith(String applicant, String missing) {
        long id = ApplicationApiTest.create(applicant).getLong("id");
        for (String code : List.of("food-business-application", "business-licence", "food-facility-layout",
                "food-safety-rules")) {
            ApplicationApiTest.mark(id, code, code.equals(missing) ? "missing" : "received");
        }
        return id;
    }

    // --- overrides within the law ------------------------------------------------------------

    @Test
    void anOverrideNeverToleratesAKeyMaterial() {
        long id = foodWith(TestApplicants.enterprise(), "business-licence");
        Cases.propose(id, TestStaff.CLERK).then().statusCode(422).body("error", equalTo("override refused"))
                .body("safeguard", equalTo("key-material")).body("material", equalTo("business-licence"))
                .body("rule", startsWith("tolerance-policy#")).body("field", equalTo("materials"));
        TestStaff.clerk().get("/api/applications/" + id).then().body("status", equalTo("checking"))
                .body("overrides.size()", equalTo(0));
    }

    @Test
    void anOverrideNeverToleratesAnythingForAnApplicantOnTheDishonestList() {
        String applicant = TestApplicants.enterprise();
        Cases.listAsDishonest(applicant);
        long id = foodWith(applicant, "food-safety-rules");
        // the rules themselves refuse tolerance: the caller's "good" counted for nothing
        TestStaff.clerk().post("/api/applications/" + id + "/check").then().body("outcome", equalTo("incomplete"));
        Cases.propose(id, TestStaff.CLERK).then().statusCode(422).body("safeguard", equalTo("bad-credit"))
                .body("rule", equalTo("tolerance-policy#tolerance-bad-credit")).body("reason", org.hamcrest.Matchers
                        .containsString("不良信用"));
    }

    @Test
    void anOverrideForAnApplicantWhoseCreditCannotBeCheckedNeedsTheToleranceTable() throws Exception {
        long id = Cases.create(Cases.DISABILITY, "person", TestApplicants.person(), TestStaff.CLERK).getLong("id");
        Cases.checkIn(id, TestStaff.CLERK, List.of(Cases.PHOTO));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE credit_listing RENAME TO credit_listing_offline"); // the registry is unreachable
        }
        try {
            int version = Cases.version(id);
            Cases.propose(id, TestStaff.CLERK).then().statusCode(422).body("safeguard", equalTo("unknown-credit"))
                    .body("material", equalTo(Cases.PHOTO));
            TestStaff.clerk().get("/api/applications/" + id).then().body("version", equalTo(version))
                    .body("overrides.size()", equalTo(0));
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE credit_listing_offline RENAME TO credit_listing");
            }
        }
    }

    @Test
    void anyOtherOverrideNeedsASecondPersonWhoIsASupervisor() {
        long id = Cases.create(Cases.DISABILITY, "person", TestApplicants.person(), TestStaff.CLERK).getLong("id");
        Cases.checkIn(id, TestStaff.CLERK, List.of(Cases.PHOTO));
        long originalDecision = TestStaff.clerk().get("/api/applications/" + id).then().extract().jsonPath()
                .getLong("decisionId");
        // accepting "with an override" at the desk is not how it works any more
        ApplicationApiTest.accept(id, Cases.version(id), "照片已核验").then().statusCode(422)
                .body("error", equalTo("override needs a supervisor"));
        // a reason from the list and a basis are required
        TestStaff.clerk().contentType("application/json").body(Map.of("version", Cases.version(id), "reason", "because",
                "basis", "x1")).post("/api/applications/" + id + "/overrides").then().statusCode(400)
                .body("field", equalTo("reason"));
        TestStaff.clerk().contentType("application/json").body(Map.of("version", Cases.version(id), "reason", "other",
                "basis", "文件")).post("/api/applications/" + id + "/overrides").then().statusCode(400)
                .body("field", equalTo("note"));
        JsonPath proposed = Cases.propose(id, TestStaff.CLERK).then().statusCode(201).extract().jsonPath();
        assertEquals("checking", proposed.getString("status"));
        assertEquals(List.of(Cases.PHOTO), proposed.getList("overrides[0].materials"));
        assertEquals("proposed", proposed.getString("overrides[0].status"));
        Cases.propose(id, TestStaff.CLERK).then().statusCode(409); // one at a time

        // the clerk cannot approve; a reviewer cannot; a supervisor can
        TestStaff.clerk().contentType("application/json").body("{}")
                .post("/api/applications/" + id + "/overrides/1/approve").then().statusCode(403);
        TestStaff.as(TestStaff.REVIEWER).contentType("application/json").body("{}")
                .post("/api/applications/" + id + "/overrides/1/approve").then().statusCode(403);
        JsonPath approved = TestStaff.as(TestStaff.SUPERVISOR).contentType("application/json")
                .body(Map.of("comment", "同意，已核对共享数据")).post("/api/applications/" + id + "/overrides/1/approve")
                .then().statusCode(200).body("status", equalTo("accepted-with-tolerance")).extract().jsonPath();
        String photoDue = approved.getString("application.checklist.find { it.code == 'photo' }.dueOn");
        assertEquals("tolerated", approved.getString("application.checklist.find { it.code == 'photo' }.state"));
        // the supply-by date keeps the rules' margin before the promised limit
        assertTrue(LocalDate.parse(photoDue).isBefore(LocalDate.parse(approved.getString("dueOn"))),
                photoDue + " vs " + approved.getString("dueOn"));
        assertEquals("approved", approved.getString("application.overrides[0].status"));
        assertEquals(TestStaff.SUPERVISOR, approved.getString("application.overrides[0].decidedBy"));
        List<String> kinds = approved.getList("application.timeline.kind");
        assertTrue(kinds.containsAll(List.of("override-proposed", "override-approved", "accepted-with-tolerance",
                "dispatched")), kinds.toString());
        // into the decision record: the application now points at a new decision
        assertNotEquals(originalDecision, approved.getLong("application.decisionId"));
    }

    @Test
    void aSupervisorCannotApproveTheirOwnProposalAndARejectionNeedsAComment() {
        long id = Cases.create(Cases.DISABILITY, "person", TestApplicants.person(), TestStaff.CLERK_SUPERVISOR)
                .getLong("id");
        Cases.checkIn(id, TestStaff.CLERK_SUPERVISOR, List.of(Cases.PHOTO));
        Cases.propose(id, TestStaff.CLERK_SUPERVISOR).then().statusCode(201);
        TestStaff.as(TestStaff.CLERK_SUPERVISOR).contentType("application/json").body("{}")
                .post("/api/applications/" + id + "/overrides/1/approve").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("four eyes"));
        TestStaff.as(TestStaff.SUPERVISOR).contentType("application/json").body("{}")
                .post("/api/applications/" + id + "/overrides/1/reject").then().statusCode(400)
                .body("field", equalTo("comment"));
        TestStaff.as(TestStaff.SUPERVISOR).contentType("application/json").body(Map.of("comment", "依据不足"))
                .post("/api/applications/" + id + "/overrides/1/reject").then().statusCode(200)
                .body("status", equalTo("checking")).body("overrides[0].status", equalTo("rejected"))
                .body("timeline.kind", hasItem("override-rejected"));
        TestStaff.as(TestStaff.SUPERVISOR_2).contentType("application/json").body("{}")
                .post("/api/applications/" + id + "/overrides/1/approve").then().statusCode(409);
    }

    @Test
    void nothingToOverrideWhenTheRulesAccept() {
        long id = foodWith(TestApplicants.enterprise(), "food-safety-rules");
        Cases.propose(id, TestStaff.CLERK).then().statusCode(409);
    }

    // --- credit from the registry ------------------------------------------------------------

    @Test
    void creditComesFromTheRegistryNotFromTheCaller() {
        String listed = TestApplicants.enterprise();
        Cases.listAsDishonest(listed);
        String food = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false}, \"applicant\": "
                + "{\"type\": \"enterprise\", \"id\": \"%s\", \"creditStatus\": \"good\"}}";
        io.restassured.RestAssured.given().contentType("application/json").body(String.format(food, listed))
                .post("/api/intake/evaluate").then().statusCode(200).body("tolerable.size()", equalTo(0));
        io.restassured.RestAssured.given().contentType("application/json")
                .body(String.format(food, TestApplicants.enterprise())).post("/api/intake/evaluate").then()
                .statusCode(200).body("tolerable.code", hasItem("food-safety-rules"));

        JsonPath bad = ApplicationApiTest.create(listed);
        assertEquals("bad", bad.getString("applicant.creditStatus"));
        assertEquals("失信被执行人名单", bad.getString("applicant.credit.list"));
        assertEquals("local-list", bad.getString("applicant.credit.registry"));
        JsonPath good = ApplicationApiTest.create(TestApplicants.enterprise());
        assertEquals("good", good.getString("applicant.creditStatus"));
        // staff can look a subject up
        TestStaff.clerk().get("/api/credit/subjects/" + listed).then().statusCode(200).body("status", equalTo("bad"));
    }

    @Test
    void anApplicantListedAfterIntakeLosesToleranceAtAcceptance() {
        String applicant = TestApplicants.enterprise();
        long id = foodWith(applicant, "food-safety-rules");
        TestStaff.clerk().post("/api/applications/" + id + "/check").then().body("outcome", equalTo("tolerable"));
        Cases.listAsDishonest(applicant);
        ApplicationApiTest.accept(id, Cases.version(id), null).then().statusCode(422).body("error", equalTo("incomplete"));
        // the refused acceptance changed nothing; the credit is looked up again, not taken from intake
        TestStaff.clerk().get("/api/applications/" + id).then().body("status", equalTo("checking"))
                .body("applicant.creditStatus", equalTo("good"));
    }

    @Test
    void aBadCsvRowRefusesTheWholeFileAndNamesTheLine() {
        String ok = TestApplicants.enterprise();
        TestStaff.admin().contentType("text/csv; charset=UTF-8").body("subject,list,from,to,source\n" + ok
                + ",名单,2026-01-01,,来源甲\n91350100MA0000000X,名单,2026-01-01,,来源甲\n").post("/api/credit/imports")
                .then().statusCode(400).body("field", equalTo("line 3: subject"));
        TestStaff.admin().contentType("text/csv; charset=UTF-8").body("who,list\n" + ok + ",x\n").post("/api/credit/imports")
                .then().statusCode(400).body("field", equalTo("header"));
        TestStaff.admin().contentType("text/csv; charset=UTF-8").body("subject,list,from,to,source\n" + ok + ",名单,2026-13-01,,甲\n")
                .post("/api/credit/imports").then().statusCode(400).body("field", equalTo("line 2: from"));
        TestStaff.clerk().get("/api/credit/subjects/" + ok).then().body("status", equalTo("good"));
        TestStaff.clerk().contentType("text/csv; charset=UTF-8").body("subject,list,from,to,source\n").post("/api/credit/imports")
                .then().statusCode(403);
    }

    // --- the delivery gate -------------------------------------------------------------------

    @Test
    void theResultWaitsForTheToleratedMaterial() {
        long id = foodWith(TestApplicants.enterprise(), "food-safety-rules");
        ApplicationApiTest.accept(id, Cases.version(id), null).then().statusCode(200)
                .body("status", equalTo("accepted-with-tolerance"));
        TestStaff.as(TestStaff.REVIEWER).contentType("application/json")
                .body(Map.of("version", Cases.version(id), "decision", "approve"))
                .post("/api/applications/" + id + "/departments/xzspj/decision").then().statusCode(409)
                .body("error", equalTo("tolerated material outstanding"))
                .body("outstanding[0].code", equalTo("food-safety-rules"));
        ApplicationApiTest.mark(id, "food-safety-rules", "received");
        TestStaff.as(TestStaff.REVIEWER).contentType("application/json")
                .body(Map.of("version", Cases.version(id), "decision", "approve"))
                .post("/api/applications/" + id + "/departments/xzspj/decision").then().statusCode(200)
                .body("status", equalTo("ready-for-pickup"));
    }

    @Test
    void deliverAnswers409WhileAToleratedMaterialIsOutstanding() throws Exception {
        long id = foodWith(TestApplicants.enterprise(), "food-safety-rules");
        ApplicationApiTest.accept(id, Cases.version(id), null).then().statusCode(200);
        // a result made ready before the gate existed (data from an older version)
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE application SET status = 'ready-for-pickup', result = 'approved' WHERE id = " + id);
        }
        TestStaff.clerk().contentType("application/json").body(Map.of("version", Cases.version(id)))
                .post("/api/applications/" + id + "/deliver").then().statusCode(409)
                .body("error", equalTo("tolerated material outstanding"));
        ApplicationApiTest.mark(id, "food-safety-rules", "received");
        TestStaff.clerk().contentType("application/json").body(Map.of("version", Cases.version(id)))
                .post("/api/applications/" + id + "/deliver").then().statusCode(200).body("status", equalTo("delivered"));
    }

    // --- privacy by department ---------------------------------------------------------------

    @Test
    void aReviewerReadsOnlyTheirDepartmentsApplicationsAndListsMaskIds() {
        String applicant = TestApplicants.enterprise();
        long id = foodWith(applicant, null);
        TestStaff.as(TestStaff.REVIEWER).get("/api/applications/" + id).then().statusCode(403); // no task yet
        ApplicationApiTest.accept(id, Cases.version(id), null).then().statusCode(200);
        TestStaff.as(TestStaff.REVIEWER).get("/api/applications/" + id).then().statusCode(200)
                .body("applicant.id", equalTo(applicant));
        TestStaff.as(TestStaff.TAX_REVIEWER).get("/api/applications/" + id).then().statusCode(403);
        TestStaff.as(TestStaff.TAX_REVIEWER).get("/api/applications?limit=200").then().statusCode(200)
                .body("id", not(hasItem((int) id)));
        String masked = applicant.substring(0, 4) + "**********" + applicant.substring(14);
        TestStaff.as(TestStaff.REVIEWER).get("/api/applications?limit=200").then().statusCode(200)
                .body("find { it.id == " + id + " }.applicant.id", equalTo(masked));
        TestStaff.clerk().get("/api/applications?q=" + applicant).then().statusCode(200)
                .body("[0].applicant.id", equalTo(masked)).body("[0].applicant.name", equalTo("测试餐饮有限公司"));
    }

    // --- code shape: idempotency per staff member, the queue's cost --------------------------

    @Test
    void idempotencyKeysAreScopedPerStaffMember() {
        String body = ApplicationApiTest.body(TestApplicants.enterprise());
        String key = "shared-key-" + System.nanoTime();
        long first = TestStaff.clerk().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/applications").then().statusCode(201).extract().jsonPath().getLong("id");
        long second = TestStaff.as(TestStaff.CLERK_SUPERVISOR).contentType("application/json")
                .header("Idempotency-Key", key).body(body).post("/api/applications").then().statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue()).extract().jsonPath().getLong("id");
        assertNotEquals(first, second);
        TestStaff.clerk().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/applications").then().statusCode(201).body("id", equalTo((int) first));
    }

    @Test
    void theQueueCostsThreeQueriesWhateverItsLength() {
        for (int i = 0; i < 3; i++) {
            foodWith(TestApplicants.enterprise(), null);
        }
        long before = store.statements();
        int size = TestStaff.clerk().get("/api/applications?limit=200").then().statusCode(200).extract().path("size()");
        long used = store.statements() - before;
        assertTrue(size >= 3, "rows: " + size);
        assertTrue(used <= 3, used + " statements for " + size + " applications");
    }
}
