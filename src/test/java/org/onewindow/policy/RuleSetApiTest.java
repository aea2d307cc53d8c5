package org.onewindow.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Rule governance through the API, to the contract ("Rule governance"): a policy user drafts and
 * edits, the gate refuses a wrong edit and says where, the impact lists who would be affected, a
 * second user publishes the fixed draft for tomorrow, asOf today and tomorrow get the two versions,
 * the row diff names the changed row, a rollback (for tomorrow too) restores what serves; four
 * eyes, audit, safe XML, and who may call what.
 */
@QuarkusTest
class RuleSetApiTest {

    static final String EDITOR = "policy-editor";
    static final String REVIEWER = "policy-reviewer";
    static final String FILE = "tolerance-policy.dmn";
    /** The bad-credit row's credit cell: the first row of the tolerance table (FIRST) refuses tolerance to these. */
    static final String BAD_CREDIT_INPUT = "<inputEntry id=\"tolerance-bad-credit-i1\"><text>&quot;bad&quot;</text></inputEntry>";
    static final String BAD_CREDIT_REASON = "申请人存在不良信用记录或曾作出虚假承诺，信用修复前不适用容缺受理";
    static final String EVALUATE = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, "
            + "\"vendingMachineOnly\": false}, \"asOf\": \"%s\"}";

    static void ensurePolicyStaff() {
        for (String user : List.of(EDITOR, REVIEWER)) {
            int status = TestStaff.admin().contentType("application/json").body(Map.of("username", user, "password",
                    TestStaff.PASSWORD, "name", "政策岗", "roles", List.of("policy"))).post("/api/staff").statusCode();
            assertTrue(status == 201 || status == 409, "policy user " + user + ": " + status);
        }
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, TestStaff.PASSWORD);
    }

    static long activeId() {
        return as(REVIEWER).get("/api/rulesets").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.status == 'active' }.id");
    }

    static LocalDate today() {
        // the test clock is the real time in the district's zone (no test here moves it)
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void draftEditGateImpactPublishForTomorrowAsOfDiffAndRollback() {
        ensurePolicyStaff();
        long active = activeId();
        String activeVersion = as(REVIEWER).get("/api/rulesets/" + active).then().statusCode(200).extract().path("version");

        // 1. a draft copied from the active version, and a row edited
        JsonPath draft = as(EDITOR).contentType("application/json").body("{\"comment\": \"收紧失信申请人的容缺说明\"}")
                .post("/api/rulesets/drafts").then().statusCode(201).body("status", equalTo("draft"))
                .body("basedOn", equalTo((int) active)).body("author", equalTo(EDITOR)).extract().jsonPath();
        long id = draft.getLong("id");
        as(EDITOR).get("/api/rulesets/" + id + "/files").then().statusCode(200).body("$", hasItem(FILE))
                .body("$", hasItem("ruleset.yaml"));
        String xml = as(EDITOR).get("/api/rulesets/" + id + "/files/" + FILE).then().statusCode(200).extract().asString();
        assertTrue(xml.contains(BAD_CREDIT_INPUT), "the shipped bad-credit row");

        // 2. a wrong edit (a slip of the hand: "good" for "bad"): applicants with good credit lose tolerance, those
        // with bad credit gain it — the gate refuses it and says where
        String wrong = xml.replace(BAD_CREDIT_INPUT, BAD_CREDIT_INPUT.replace("bad", "good"));
        put(EDITOR, id, wrong).then().statusCode(200).body("file", equalTo(FILE));
        JsonPath refused = as(EDITOR).post("/api/rulesets/" + id + "/validate").then().statusCode(200)
                .body("ok", equalTo(false)).body("scenarios.failed", greaterThan(0)).extract().jsonPath();
        List<Map<String, Object>> problems = refused.getList("problems");
        assertFalse(problems.isEmpty());
        problems.forEach(p -> assertTrue(p.containsKey("file") && p.containsKey("line") && p.containsKey("reason"), p.toString()));
        assertTrue(problems.stream().anyMatch(p -> String.valueOf(p.get("file")).startsWith("scenarios/")),
                "a failing scenario names its file: " + problems);

        // ... and publishing it is refused (409) while nothing that serves changes
        String serving = given().get("/api/rules").then().extract().path("serving.version");
        as(REVIEWER).contentType("application/json").body("{\"effectiveFrom\": \"" + today() + "\", \"comment\": \"试发布\"}")
                .post("/api/rulesets/" + id + "/publish").then().statusCode(409).body("error", equalTo("gate failed"))
                .body("problems.size()", greaterThan(0));
        given().get("/api/rules").then().body("serving.version", equalTo(serving));
        as(REVIEWER).get("/api/rulesets/" + id).then().body("status", equalTo("draft"));

        // 3. the impact: the draft against the active version, scenarios and recorded intakes, before and after
        recordAnIntakeWithGoodCredit();
        JsonPath impact = as(EDITOR).get("/api/rulesets/" + id + "/impact").then().statusCode(200)
                .body("against", equalTo((int) active)).body("cases", greaterThan(0)).extract().jsonPath();
        List<Map<String, Object>> changed = impact.getList("changed");
        assertFalse(changed.isEmpty(), "the wrong edit changes someone's outcome");
        assertTrue(changed.stream().anyMatch(c -> "scenario".equals(c.get("source"))), "scenarios affected");
        assertTrue(changed.stream().anyMatch(c -> "intake".equals(c.get("source"))), "recorded intakes affected: " + changed);
        Map<String, Object> one = changed.get(0);
        assertNotEquals(one.get("before"), one.get("after"));
        assertTrue(one.get("ref") != null);

        // 4. fixed: the row is as before, its reason says more; the gate passes with full coverage
        String fixed = xml.replace(BAD_CREDIT_REASON, BAD_CREDIT_REASON + "（信用修复后方可申请）");
        put(EDITOR, id, fixed).then().statusCode(200);
        JsonPath passed = as(EDITOR).post("/api/rulesets/" + id + "/validate").then().statusCode(200)
                .body("ok", equalTo(true)).body("problems.size()", equalTo(0)).body("scenarios.failed", equalTo(0))
                .extract().jsonPath();
        assertEquals(passed.getInt("coverage.total"), passed.getInt("coverage.covered"), "100% coverage");
        assertTrue(passed.getInt("scenarios.passed") > 10);
        as(EDITOR).get("/api/rulesets/" + id + "/impact").then().statusCode(200).body("changed.size()", equalTo(0));

        // 5. four eyes: the last editor may not publish; a comment is required; the second user publishes for tomorrow
        LocalDate tomorrow = today().plusDays(1);
        String body = "{\"effectiveFrom\": \"" + tomorrow + "\", \"comment\": \"复核通过\"}";
        as(EDITOR).contentType("application/json").body(body).post("/api/rulesets/" + id + "/publish").then()
                .statusCode(403).body("error", equalTo("four eyes"));
        as(REVIEWER).contentType("application/json").body("{\"effectiveFrom\": \"" + tomorrow + "\"}")
                .post("/api/rulesets/" + id + "/publish").then().statusCode(400).body("error", not(equalTo(null)))
                .body("detail", not(equalTo(null)));
        as(REVIEWER).contentType("application/json").body("{\"effectiveFrom\": \"" + today().minusDays(1)
                + "\", \"comment\": \"补发\"}").post("/api/rulesets/" + id + "/publish").then().statusCode(400);
        String published = as(REVIEWER).contentType("application/json").body(body).post("/api/rulesets/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("scheduled")).body("publishedBy", equalTo(REVIEWER))
                .body("effectiveFrom", equalTo(tomorrow.toString())).body("comment", equalTo("复核通过"))
                .extract().path("version");
        assertNotEquals(activeVersion, published);
        put(EDITOR, id, fixed).then().statusCode(409);

        // 6. asOf today: the active version; asOf tomorrow: the published one
        evaluate(today()).then().statusCode(200).body("ruleSet.id", equalTo((int) active))
                .body("ruleSet.version", equalTo(activeVersion));
        evaluate(tomorrow).then().statusCode(200).body("ruleSet.id", equalTo((int) id))
                .body("ruleSet.version", equalTo(published));
        given().get("/api/rules").then().body("serving.version", equalTo(serving))
                .body("timeline.id", hasItem((int) id));

        // 7. the row diff names the row that changed, both ways round
        JsonPath diff = as(REVIEWER).get("/api/rulesets/" + active + "/diff/" + id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = diff.getList("rows");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(FILE, rows.get(0).get("file"));
        assertEquals("tolerance-bad-credit", rows.get(0).get("rule"));
        assertEquals("changed", rows.get(0).get("change"));
        assertTrue(String.valueOf(rows.get(0).get("after")).contains("信用修复后方可申请"));
        assertFalse(String.valueOf(rows.get(0).get("before")).contains("信用修复后方可申请"));

        // 8. rollback: the active version's content published again for tomorrow, as a new version
        JsonPath rollback = as(REVIEWER).contentType("application/json").body("{\"effectiveFrom\": \"" + tomorrow
                + "\", \"comment\": \"撤回：暂不调整\"}").post("/api/rulesets/" + active + "/rollback").then().statusCode(200)
                .body("status", equalTo("scheduled")).body("version", equalTo(activeVersion))
                .body("rolledBackFrom", equalTo((int) active)).extract().jsonPath();
        long rolledBack = rollback.getLong("id");
        evaluate(tomorrow).then().statusCode(200).body("ruleSet.id", equalTo((int) rolledBack))
                .body("ruleSet.version", equalTo(activeVersion));
        as(REVIEWER).get("/api/rulesets/" + id + "/diff/" + rolledBack).then().statusCode(200)
                .body("rows.rule", equalTo(List.of("tolerance-bad-credit")));

        // audit: who created, edited, validated and published, and why
        List<Map<String, Object>> audit = as(REVIEWER).get("/api/rulesets/" + id + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<String> actions = audit.stream().map(a -> a.get("actor") + ":" + a.get("action")).toList();
        for (String expected : List.of(EDITOR + ":created", EDITOR + ":edited", EDITOR + ":validated",
                REVIEWER + ":published")) {
            assertTrue(actions.contains(expected), expected + " in " + actions);
        }
        assertTrue(audit.stream().anyMatch(a -> "published".equals(a.get("action")) && "复核通过".equals(a.get("comment"))));
        List<String> rollbackAudit = as(REVIEWER).get("/api/rulesets/" + rolledBack + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("action");
        assertTrue(rollbackAudit.contains("rolled-back"), rollbackAudit.toString());

        // the list shows the statuses of the contract
        JsonPath list = as(REVIEWER).get("/api/rulesets").then().statusCode(200).extract().jsonPath();
        assertEquals("scheduled", list.getString("find { it.id == " + id + " }.status"));
        assertEquals("active", list.getString("find { it.id == " + active + " }.status"));
        for (String field : List.of("id", "version", "status", "effectiveFrom", "author", "publishedBy", "comment",
                "createdAt")) {
            assertTrue(list.getMap("[0]").containsKey(field), field);
        }
    }

    @Test
    void unsafeOrMalformedXmlIsRefusedWith400AndLeaksNothing() {
        ensurePolicyStaff();
        long id = as(EDITOR).contentType("application/json").body("{}").post("/api/rulesets/drafts").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        String before = as(EDITOR).get("/api/rulesets/" + id + "/files/" + FILE).asString();
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\">&secret;</definitions>";
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<lolz>&lol3;</lolz>";
        String malformed = "<definitions>\n<decision id=\"secret-table-name\">\n</definitions>";
        for (String bad : List.of(xxe, laughs, malformed)) {
            Response r = put(EDITOR, id, bad);
            assertEquals(400, r.statusCode(), r.asString());
            String answer = r.asString();
            JsonPath json = r.jsonPath();
            assertTrue(json.getString("error") != null && json.getString("detail") != null, answer);
            assertTrue(json.get("line") != null, "the line: " + answer);
            // (the answer names the file the caller sent, tolerance-policy.dmn, and nothing of its content)
            for (String leak : List.of("root:", "passwd", "lol", "secret", "definitions", "容缺")) {
                assertFalse(answer.contains(leak), leak + " leaked in " + answer);
            }
        }
        assertEquals(before, as(EDITOR).get("/api/rulesets/" + id + "/files/" + FILE).asString(), "nothing saved");
        // the reload of the rules folder goes through the same parser
        put(EDITOR, id, "<definitions/>".repeat(1)).then().statusCode(200);
        as(EDITOR).post("/api/rulesets/" + id + "/validate").then().statusCode(200).body("ok", equalTo(false))
                .body("problems.file", hasItem(FILE));
    }

    @Test
    void everyGovernanceEndpointRefusesAnonymousAndWrongRoles() {
        ensurePolicyStaff();
        TestStaff.ensure();
        long active = activeId();
        String[][] calls = {
            {"GET", "/api/rulesets"}, {"POST", "/api/rulesets/drafts"}, {"GET", "/api/rulesets/" + active},
            {"GET", "/api/rulesets/" + active + "/files"}, {"GET", "/api/rulesets/" + active + "/files/" + FILE},
            {"PUT", "/api/rulesets/" + active + "/files/" + FILE}, {"POST", "/api/rulesets/" + active + "/validate"},
            {"GET", "/api/rulesets/" + active + "/impact"}, {"GET", "/api/rulesets/" + active + "/diff/" + active},
            {"POST", "/api/rulesets/" + active + "/publish"}, {"POST", "/api/rulesets/" + active + "/rollback"},
            {"GET", "/api/rulesets/" + active + "/audit"}, {"POST", "/api/rulesets/" + active + "/export"},
            {"GET", "/api/rulesets/feel?kind=input&text=-"}, {"POST", "/api/rules/reload"}};
        List<String> writes = List.of("/drafts", "/files/", "/publish", "/rollback", "/export", "/reload");
        for (String[] call : calls) {
            assertEquals(401, given().contentType("application/json").body("{}").request(call[0], call[1]).statusCode(),
                    "anonymous " + call[0] + " " + call[1]);
            assertEquals(403, TestStaff.clerk().contentType("application/json").body("{}").request(call[0], call[1])
                    .statusCode(), "clerk " + call[0] + " " + call[1]);
            boolean write = writes.stream().anyMatch(call[1]::contains) && !call[0].equals("GET");
            if (write) {
                assertEquals(403, TestStaff.as(TestStaff.TESTER).contentType("application/json").body("{}")
                        .request(call[0], call[1]).statusCode(), "tester " + call[0] + " " + call[1]);
            } else {
                assertNotEquals(403, TestStaff.as(TestStaff.TESTER).request(call[0], call[1]).statusCode(),
                        "a tester reads " + call[1]);
            }
        }
        // export and reload are the administrator's; policy staff are refused
        as(EDITOR).post("/api/rulesets/" + active + "/export").then().statusCode(403);
        as(EDITOR).post("/api/rules/reload").then().statusCode(403);
    }

    @Test
    void anAdministratorExportsAVersionToTheRulesFolder() throws Exception {
        ensurePolicyStaff();
        long active = activeId();
        TestStaff.admin().contentType("application/json").body("{}").post("/api/rulesets/" + active + "/export").then()
                .statusCode(400).body("error", not(equalTo(null)));
        TestStaff.admin().contentType("application/json").body("{\"comment\": \"提交到 git\"}")
                .post("/api/rulesets/" + active + "/export").then().statusCode(200).body("exported", equalTo((int) active));
        String exported = java.nio.file.Files.readString(org.onewindow.testing.OneWindowTestResources.RULES.resolve(FILE));
        assertEquals(as(REVIEWER).get("/api/rulesets/" + active + "/files/" + FILE).asString(), exported);
        assertTrue(as(REVIEWER).get("/api/rulesets/" + active + "/audit").then().extract().jsonPath().getList("action")
                .contains("exported"));
    }

    @Test
    void feelCellsAreCheckedByTheEngine() {
        ensurePolicyStaff();
        as(EDITOR).queryParam("kind", "input").queryParam("text", "\"good\", \"bad\"").get("/api/rulesets/feel").then()
                .statusCode(200).body("ok", equalTo(true));
        as(EDITOR).queryParam("kind", "input").queryParam("text", "<= 2 +").get("/api/rulesets/feel").then()
                .statusCode(200).body("ok", equalTo(false)).body("error", not(equalTo(null)));
        as(EDITOR).queryParam("kind", "output").queryParam("text", "\"ok\" +").get("/api/rulesets/feel").then()
                .statusCode(200).body("ok", equalTo(false));
        as(EDITOR).queryParam("kind", "sideways").queryParam("text", "1").get("/api/rulesets/feel").then()
                .statusCode(400).body("error", not(equalTo(null)));
    }

    static Response put(String user, long id, String xml) {
        return as(user).contentType("application/xml").body(xml.getBytes(StandardCharsets.UTF_8))
                .put("/api/rulesets/" + id + "/files/" + FILE);
    }

    static Response evaluate(LocalDate asOf) {
        return given().contentType("application/json").body(EVALUATE.formatted(asOf)).post("/api/intake/evaluate");
    }

    /** A recorded intake the wrong edit would change: a company in good standing (not on the 失信 list). */
    static void recordAnIntakeWithGoodCredit() {
        String body = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, \"vendingMachineOnly\": "
                + "false}, \"applicant\": {\"type\": \"enterprise\", \"id\": \"" + TestApplicants.enterprise() + "\"}}";
        given().contentType("application/json").body(body).post("/api/intake/evaluate").then().statusCode(200)
                .body("tolerable.size()", greaterThan(0));
    }
}
