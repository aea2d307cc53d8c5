package org.onewindow.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The clerk desk over HTTP: every transition of an application and every refusal, against the
 * real rules and the embedded PostgreSQL. The matter is the food business licence: two key
 * materials (application form, business licence) and two tolerable ones (layout plan, food-safety
 * rules; the second with its own 10-day deadline).
 */
@QuarkusTest
class ApplicationApiTest {

    static final String FOOD = "food-business-licence";
    static final List<String> KEY = List.of("food-business-application", "business-licence");
    static final List<String> TOLERABLE = List.of("food-facility-layout", "food-safety-rules");

    static String body(String applicantId) {
        return "{\"matters\": [\"" + FOOD + "\"], \"answers\": {\"agent\": false, \"vendingMachineOnly\": false},"
                + " \"applicant\": {\"type\": \"enterprise\", \"id\": \"" + applicantId + "\", \"name\": \"测试餐饮有限公司\","
                + " \"creditStatus\": \"good\"}}";
    }

    static JsonPath create(String applicantId) {
        return TestStaff.clerk().contentType("application/json").body(body(applicantId)).post("/api/applications")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath mark(long id, String code, String state) {
        return TestStaff.clerk().contentType("application/json").body("{\"state\": \"" + state + "\"}")
                .put("/api/applications/" + id + "/materials/" + code).then().statusCode(200).extract().jsonPath();
    }

    static int version(long id) {
        return TestStaff.clerk().get("/api/applications/" + id).then().statusCode(200).extract().path("version");
    }

    static io.restassured.response.Response accept(long id, int version, String override) {
        String body = "{\"version\": " + version + (override == null ? "" : ", \"override\": {\"reason\": \"" + override
                + "\"}") + "}";
        return TestStaff.clerk().contentType("application/json").body(body).post("/api/applications/" + id + "/accept");
    }

    // --- access ------------------------------------------------------------------------------

    @Test
    void anonymousCallsAre401AndAWrongRoleIs403() {
        given().get("/api/applications").then().statusCode(401);
        given().contentType("application/json").body(body(TestApplicants.enterprise())).post("/api/applications")
                .then().statusCode(401);
        TestStaff.as(TestStaff.TESTER).get("/api/applications").then().statusCode(403).body("error", equalTo("forbidden"));
        given().auth().preemptive().basic(TestStaff.CLERK, "wrong-password").get("/api/applications").then().statusCode(401);
        // a reviewer reads applications but may not take one in
        TestStaff.as(TestStaff.REVIEWER).contentType("application/json").body(body(TestApplicants.enterprise()))
                .post("/api/applications").then().statusCode(403);
    }

    // --- creating ----------------------------------------------------------------------------

    @Test
    void aNewApplicationCarriesTheDecisionAndItsChecklist() {
        JsonPath app = create(TestApplicants.enterprise());
        assertEquals("checking", app.getString("status"));
        assertEquals(0, app.getInt("version"));
        assertEquals(4, app.getList("checklist").size());
        assertEquals(List.of("pending", "pending", "pending", "pending"), app.getList("checklist.state"));
        assertEquals(Boolean.TRUE, app.get("checklist.find { it.code == 'business-licence' }.key"));
        assertEquals(10, (int) app.get("checklist.find { it.code == 'food-safety-rules' }.deadlineDays"));
        assertEquals("market-access", app.getString("window"));
        assertEquals("xzspj", app.getString("leadDepartment"));
        assertNotNull(app.getString("ruleSetVersion"));
        assertEquals("created", app.getString("timeline[0].kind"));
        assertEquals(TestStaff.CLERK, app.getString("timeline[0].actor"));
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        String before = TestStaff.clerk().get("/api/applications?limit=200").then().extract().path("size()").toString();
        TestStaff.clerk().contentType("application/json")
                .body("{\"matters\": [\"" + FOOD + "\"], \"applicant\": {\"type\": \"person\", \"id\": \"110105194912310021\"}}")
                .post("/api/applications").then().statusCode(400).body("field", equalTo("applicant.id"));
        TestStaff.clerk().contentType("application/json").body("{\"matters\": [\"" + FOOD + "\"], \"answers\": {\"agent\": false,"
                + " \"vendingMachineOnly\": false}}").post("/api/applications")
                .then().statusCode(400).body("field", equalTo("applicant.id"));
        TestStaff.clerk().contentType("application/json").body("{\"matters\": [\"no-such-matter\"], \"applicant\": "
                + "{\"type\": \"person\", \"id\": \"11010519491231002X\"}}").post("/api/applications")
                .then().statusCode(400).body("field", equalTo("matters[0]"));
        TestStaff.clerk().contentType("application/json").body("{\"reference\": \"OW-20260101-NOTTHERE\", \"applicant\": "
                + "{\"type\": \"person\", \"id\": \"11010519491231002X\"}}").post("/api/applications")
                .then().statusCode(400).body("field", equalTo("reference"));
        TestStaff.clerk().contentType("application/json").body("[1, 2]").post("/api/applications")
                .then().statusCode(400).body("field", equalTo("body"));
        String after = TestStaff.clerk().get("/api/applications?limit=200").then().extract().path("size()").toString();
        assertEquals(before, after);
    }

    @Test
    void unansweredQuestionsMustBeAnsweredFirst() {
        TestStaff.clerk().contentType("application/json").body("{\"matters\": [\"" + FOOD + "\"], \"applicant\": "
                + "{\"type\": \"enterprise\", \"id\": \"" + TestApplicants.enterprise() + "\"}}").post("/api/applications")
                .then().statusCode(422).body("error", equalTo("questions pending"))
                .body("pendingQuestions.id", hasItems("agent", "vendingMachineOnly"));
    }

    @Test
    void aKioskReferenceBringsItsMattersAndAnswers() {
        String reference = given().contentType("application/json")
                .body("{\"matters\": [\"" + FOOD + "\"], \"answers\": {\"agent\": false, \"vendingMachineOnly\": false}}")
                .post("/api/intake/evaluate").then().statusCode(200).extract().path("reference");
        String id = TestApplicants.enterprise();
        JsonPath app = TestStaff.clerk().contentType("application/json").body("{\"reference\": \"" + reference
                + "\", \"applicant\": {\"type\": \"enterprise\", \"id\": \"" + id + "\"}}").post("/api/applications")
                .then().statusCode(201).extract().jsonPath();
        assertEquals(List.of(FOOD), app.getList("matters"));
        assertEquals(reference, app.getString("kioskReference"));
        assertEquals(id, app.getString("applicant.id"));
        // the queue finds it by the reference the clerk scans
        TestStaff.clerk().get("/api/applications?q=" + reference).then().statusCode(200)
                .body("number", hasItem(app.getString("number")));
    }

    @Test
    void aRetriedRequestWithTheSameKeyDoesNotCreateASecondApplication() {
        String body = body(TestApplicants.enterprise());
        String key = "retry-" + System.nanoTime();
        long first = TestStaff.clerk().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/applications").then().statusCode(201).extract().jsonPath().getLong("id");
        TestStaff.clerk().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/applications").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo((int) first));
        TestStaff.clerk().contentType("application/json").header("Idempotency-Key", key)
                .body(body(TestApplicants.enterprise())).post("/api/applications")
                .then().statusCode(422).body("field", equalTo("Idempotency-Key"));
    }

    // --- the desk ----------------------------------------------------------------------------

    @Test
    void aCompleteApplicationIsAcceptedAndDispatched() {
        long id = create(TestApplicants.enterprise()).getLong("id");
        KEY.forEach(code -> mark(id, code, "received"));
        TOLERABLE.forEach(code -> mark(id, code, "received"));
        TestStaff.clerk().post("/api/applications/" + id + "/check").then().statusCode(200)
                .body("outcome", equalTo("complete")).body("missing.size()", equalTo(0)).body("notice", nullValue());

        int version = version(id);
        JsonPath accepted = accept(id, version, null).then().statusCode(200)
                .body("status", equalTo("accepted")).body("deadline", nullValue()).body("dueOn", notNullValue())
                .extract().jsonPath();
        assertEquals(version + 1, accepted.getInt("version"));
        assertEquals(List.of("xzspj"), accepted.getList("application.tasks.department"));
        assertEquals(List.of("pending"), accepted.getList("application.tasks.status"));
        assertEquals("green", accepted.getString("application.supervision.level"));
        List<String> kinds = accepted.getList("application.timeline.kind");
        assertEquals(List.of("created", "material", "material", "material", "material", "accepted", "dispatched"), kinds);

        // once accepted, it cannot be accepted again, nor can its checklist change
        accept(id, version + 1, null).then().statusCode(409);
        TestStaff.clerk().contentType("application/json").body("{\"state\": \"missing\"}")
                .put("/api/applications/" + id + "/materials/business-licence").then().statusCode(409);
    }

    @Test
    void aStaleVersionIsRefusedWith409AndNothingChanges() {
        long id = create(TestApplicants.enterprise()).getLong("id");
        KEY.forEach(code -> mark(id, code, "received"));
        TOLERABLE.forEach(code -> mark(id, code, "received"));
        accept(id, 0, null).then().statusCode(409).body("error", equalTo("stale version"))
                .body("field", equalTo("version")).body("currentVersion", equalTo(4));
        TestStaff.clerk().get("/api/applications/" + id).then().body("status", equalTo("checking"));
        accept(id, 4, null).then().statusCode(200);
    }

    @Test
    void onlyTolerableItemsMissingIsAcceptedWithTolerance() {
        long id = create(TestApplicants.enterprise()).getLong("id");
        KEY.forEach(code -> mark(id, code, "received"));
        mark(id, "food-facility-layout", "received");
        mark(id, "food-safety-rules", "missing");
        TestStaff.clerk().post("/api/applications/" + id + "/check").then().statusCode(200)
                .body("outcome", equalTo("tolerable")).body("tolerable.code", equalTo(List.of("food-safety-rules")))
                .body("tolerable[0].deadlineDays", equalTo(10));

        JsonPath accepted = accept(id, version(id), null).then().statusCode(200)
                .body("status", equalTo("accepted-with-tolerance")).body("deadline", notNullValue()).extract().jsonPath();
        String deadline = accepted.getString("deadline");
        assertEquals(deadline, accepted.getString("application.checklist.find { it.code == 'food-safety-rules' }.dueOn"));
        assertEquals("tolerated", accepted.getString("application.checklist.find { it.code == 'food-safety-rules' }.state"));
        // the commitment's deadline never runs past the promised time limit
        assertEquals(true, deadline.compareTo(accepted.getString("dueOn")) <= 0);

        // supplied later: the item is recorded as supplied, the application keeps its status
        JsonPath supplied = mark(id, "food-safety-rules", "received");
        assertEquals("supplied", supplied.getString("checklist.find { it.code == 'food-safety-rules' }.state"));
        assertEquals("accepted-with-tolerance", supplied.getString("status"));
        assertEquals("supplied", supplied.getString("timeline[-1].kind"));
    }

    @Test
    void aMissingKeyMaterialIsRefusedWithTheOneTimeNoticeAndNoOverrideBendsIt() {
        long id = create(TestApplicants.enterprise()).getLong("id");
        mark(id, "food-business-application", "received");
        mark(id, "business-licence", "missing");
        TOLERABLE.forEach(code -> mark(id, code, "received"));
        int version = version(id);
        JsonPath refused = accept(id, version, null).then().statusCode(422).body("error", equalTo("incomplete"))
                .body("missing.code", equalTo(List.of("business-licence"))).extract().jsonPath();
        String notice = refused.getString("notice");
        assertEquals(true, notice.contains("一次性告知书") && notice.contains("营业执照"), notice);
        TestStaff.clerk().get("/api/applications/" + id).then().body("version", equalTo(version))
                .body("status", equalTo("checking"));

        // an override needs a reason; and for a key material it is refused, naming the rule
        TestStaff.clerk().contentType("application/json").body("{\"version\": " + version + ", \"override\": {}}")
                .post("/api/applications/" + id + "/accept").then().statusCode(400).body("field", equalTo("override.reason"));
        accept(id, version, "营业执照已在电子证照库核验原件").then().statusCode(422)
                .body("error", equalTo("override refused")).body("safeguard", equalTo("key-material"))
                .body("material", equalTo("business-licence"))
                .body("rule", org.hamcrest.Matchers.startsWith("tolerance-policy#"));
        TestStaff.clerk().get("/api/applications/" + id).then().body("version", equalTo(version))
                .body("status", equalTo("checking"));
    }

    @Test
    void anIncompleteApplicationIsReturnedAndACompleteOneOnlyWithAReason() {
        long incomplete = create(TestApplicants.enterprise()).getLong("id");
        mark(incomplete, "food-business-application", "missing");
        TestStaff.clerk().contentType("application/json").body("{\"version\": " + version(incomplete) + "}")
                .post("/api/applications/" + incomplete + "/return").then().statusCode(200)
                .body("status", equalTo("returned"));

        long complete = create(TestApplicants.enterprise()).getLong("id");
        KEY.forEach(code -> mark(complete, code, "received"));
        TOLERABLE.forEach(code -> mark(complete, code, "received"));
        TestStaff.clerk().contentType("application/json").body("{\"version\": " + version(complete) + "}")
                .post("/api/applications/" + complete + "/return").then().statusCode(422)
                .body("field", equalTo("override.reason"));
    }

    @Test
    void materialChecksNameTheirProblems() {
        long id = create(TestApplicants.enterprise()).getLong("id");
        TestStaff.clerk().contentType("application/json").body("{\"state\": \"lost\"}")
                .put("/api/applications/" + id + "/materials/business-licence").then().statusCode(400)
                .body("field", equalTo("state"));
        TestStaff.clerk().contentType("application/json").body("{\"state\": \"received\"}")
                .put("/api/applications/" + id + "/materials/no-such-paper").then().statusCode(404);
        TestStaff.clerk().contentType("application/json").body("{\"state\": \"received\"}")
                .put("/api/applications/999999/materials/business-licence").then().statusCode(404);
        TestStaff.clerk().contentType("application/json").body("{\"version\": \"one\"}")
                .post("/api/applications/" + id + "/accept").then().statusCode(400).body("field", equalTo("version"));
    }

    // --- the back office ---------------------------------------------------------------------

    @Test
    void departmentsDecideThenTheResultIsReadyAndDelivered() {
        long id = acceptedApplication();
        int version = version(id);
        // another department's reviewer may not decide, nor may a clerk
        TestStaff.as(TestStaff.TAX_REVIEWER).contentType("application/json")
                .body("{\"version\": " + version + ", \"decision\": \"approve\"}")
                .post("/api/applications/" + id + "/departments/xzspj/decision").then().statusCode(403);
        TestStaff.clerk().contentType("application/json").body("{\"version\": " + version + ", \"decision\": \"approve\"}")
                .post("/api/applications/" + id + "/departments/xzspj/decision").then().statusCode(403);
        // a rejection or a supplement request needs a reason
        TestStaff.as(TestStaff.REVIEWER).contentType("application/json")
                .body("{\"version\": " + version + ", \"decision\": \"reject\"}")
                .post("/api/applications/" + id + "/departments/xzspj/decision").then().statusCode(400)
                .body("field", equalTo("reason"));
        // supplement requested, then supplied, then approved
        TestStaff.as(TestStaff.REVIEWER).contentType("application/json")
                .body("{\"version\": " + version + ", \"decision\": \"supplement\", \"reason\": \"平面图未标明操作间面积\"}")
                .post("/api/applications/" + id + "/departments/xzspj/decision").then().statusCode(200)
                .body("tasks[0].status", equalTo("supplement-requested"));
        TestStaff.clerk().contentType("application/json").body("{\"version\": " + version(id) + "}")
                .post("/api/applications/" + id + "/departments/xzspj/supplied").then().statusCode(200)
                .body("tasks[0].status", equalTo("pending"));
        TestStaff.as(TestStaff.REVIEWER).contentType("application/json")
                .body("{\"version\": " + version(id) + ", \"decision\": \"approve\"}")
                .post("/api/applications/" + id + "/departments/xzspj/decision").then().statusCode(200)
                .body("status", equalTo("ready-for-pickup")).body("result", equalTo("approved"));
        // delivered once; twice is a conflict
        int ready = version(id);
        TestStaff.clerk().contentType("application/json").body("{\"version\": " + ready + "}")
                .post("/api/applications/" + id + "/deliver").then().statusCode(200).body("status", equalTo("delivered"));
        TestStaff.clerk().contentType("application/json").body("{\"version\": " + (ready + 1) + "}")
                .post("/api/applications/" + id + "/deliver").then().statusCode(409);
        List<String> kinds = TestStaff.clerk().get("/api/applications/" + id).then().extract().path("timeline.kind");
        assertEquals(true, kinds.containsAll(List.of("decision", "supplement-supplied", "ready-for-pickup", "delivered")), kinds.toString());
    }

    static long acceptedApplication() {
        long id = create(TestApplicants.enterprise()).getLong("id");
        KEY.forEach(code -> mark(id, code, "received"));
        TOLERABLE.forEach(code -> mark(id, code, "received"));
        accept(id, version(id), null).then().statusCode(200);
        return id;
    }

    // --- the shared material library ---------------------------------------------------------

    @Test
    void verifiedCertificatesAreNotAskedForAgain() {
        String applicant = TestApplicants.enterprise();
        long first = create(applicant).getLong("id");
        KEY.forEach(code -> mark(first, code, "received"));
        TOLERABLE.forEach(code -> mark(first, code, "received"));
        accept(first, version(first), null).then().statusCode(200);

        // evaluate for the same applicant, as the desk: the business licence is "we already have it"; forms are not kept
        TestStaff.clerk().contentType("application/json").body(body(applicant)).post("/api/intake/evaluate").then()
                .statusCode(200)
                .body("materials.find { it.code == 'business-licence' }.fromLibrary", equalTo(true))
                .body("materials.find { it.code == 'food-business-application' }.fromLibrary", equalTo(false))
                .body("notice", org.hamcrest.Matchers.containsString("共享库"));
        // anyone else who types the credit code learns nothing of the library (issue 13)
        given().contentType("application/json").body(body(applicant)).post("/api/intake/evaluate").then().statusCode(200)
                .body("materials.find { it.code == 'business-licence' }.fromLibrary", equalTo(false))
                .body("notice", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("共享库")));
        // a second application starts with it checked in from the library
        JsonPath second = create(applicant);
        assertEquals("library", second.getString("checklist.find { it.code == 'business-licence' }.state"));
        assertEquals("pending", second.getString("checklist.find { it.code == 'food-business-application' }.state"));
        // another applicant has nothing in the library
        TestStaff.clerk().contentType("application/json").body(body(TestApplicants.enterprise()))
                .post("/api/intake/evaluate")
                .then().body("materials.find { it.code == 'business-licence' }.fromLibrary", equalTo(false));
        // the clerk finds the kept copy outdated: marking it missing withdraws it
        long secondId = second.getLong("id");
        mark(secondId, "business-licence", "missing");
        TestStaff.clerk().contentType("application/json").body(body(applicant)).post("/api/intake/evaluate")
                .then().body("materials.find { it.code == 'business-licence' }.fromLibrary", equalTo(false));
    }

    @Test
    void theStaffApiIsForAdministratorsAndValidatesItsInput() {
        TestStaff.clerk().get("/api/staff").then().statusCode(403);
        TestStaff.admin().get("/api/staff").then().statusCode(200).body("username", hasItems("admin", TestStaff.CLERK));
        TestStaff.admin().contentType("application/json").body(Map.of("username", "nodept1", "password", "long-enough-pass-7",
                "name", "X", "roles", List.of("reviewer"))).post("/api/staff").then().statusCode(400)
                .body("field", equalTo("department"));
        TestStaff.admin().contentType("application/json").body(Map.of("username", "wizard1", "password", "long-enough-pass-7",
                "name", "X", "roles", List.of("wizard"))).post("/api/staff").then().statusCode(400)
                .body("field", equalTo("roles[0]"));
        TestStaff.admin().contentType("application/json").body(Map.of("username", TestStaff.CLERK, "password",
                "long-enough-pass-7", "name", "X", "roles", List.of("clerk"))).post("/api/staff").then().statusCode(409);
        TestStaff.admin().get("/api/staff").then().body("find { it.username == 'admin' }.passwordHash", nullValue());
    }
}
