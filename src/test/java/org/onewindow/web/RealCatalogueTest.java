package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.guide.Matter;
import org.onewindow.intake.Applicant;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.Situation;
import org.onewindow.platform.MessageFiles;
import org.onewindow.testing.TestFiles;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14: every matter of the real district catalogue is listed, routed to exactly one window,
 * searchable and honest about a missing guide; the 行政审批局 assignment is decided by the routing
 * table, so a district without one changes a single cell.
 */
@QuarkusTest
class RealCatalogueTest {

    @TempDir
    Path rules;

    @Test
    void theWholeRealCatalogueIsListedEachMatterWithAWindow() {
        List<Map<String, Object>> all = new ArrayList<>();
        int total = given().get("/api/matters?limit=1").then().statusCode(200).extract().path("total");
        for (int offset = 0; offset < total; offset += 500) {
            all.addAll(given().get("/api/matters?limit=500&offset=" + offset).then().statusCode(200).extract().path("items"));
        }
        assertEquals(total, all.size());
        Set<String> itemCodes = new HashSet<>();
        Set<String> departments = new HashSet<>();
        for (Map<String, Object> m : all) {
            assertTrue(m.get("window") != null, "every matter is routed to a window: " + m.get("code"));
            @SuppressWarnings("unchecked")
            List<String> items = (List<String>) m.get("catalogueItems");
            if (!items.isEmpty()) {
                itemCodes.addAll(items);
                departments.add(String.valueOf(m.get("department")));
            }
        }
        assertTrue(itemCodes.size() >= 1100, "real catalogue matters listed: " + itemCodes.size());
        assertEquals(1135, itemCodes.size(), "every item of the 广安区 catalogue is represented");
        assertTrue(departments.size() >= 32, "departments of real matters: " + departments);
        int guides = given().get("/api/matters?limit=1&guide=full").then().statusCode(200).extract().path("total");
        assertTrue(guides >= 300, "full guides: " + guides);
    }

    @Test
    void aCatalogueOnlyMatterSaysTheWindowTellsItsMaterialsAndIsNeverEvaluated() {
        String code = given().get("/api/matters?limit=1&guide=catalogue-only&department=lyj").then().statusCode(200)
                .extract().path("items[0].code");
        given().get("/api/matters/" + code).then().statusCode(200)
                .body("guideStatus", equalTo("catalogue-only"))
                .body("materials.size()", equalTo(0))
                .body("window", equalTo("other"));
        given().contentType("application/json").body("{\"matters\": [\"" + code + "\"]}").post("/api/intake/evaluate")
                .then().statusCode(400).body("field", equalTo("matters[0]"))
                .body("detail", containsString("办事指南以窗口告知为准"));
        given().get("/matter/" + code + "?lang=zh").then().statusCode(200)
                .body(containsString("办事指南以窗口告知为准"))
                .body(containsString("其他类综合窗口"))
                .body(not(containsString("id=\"start\"")));
        given().get("/api/matters?guide=sometimes").then().statusCode(400).body("field", equalTo("guide"));
    }

    @Test
    void newDepartmentsAreSearchable() {
        given().queryParam("q", "烟草专卖零售许可证").get("/api/search").then().statusCode(200)
                .body("hits.department", hasItem("ycj"));
        given().queryParam("q", "林木采伐").get("/api/search").then().statusCode(200)
                .body("hits.department", hasItem("lyj"));
    }

    @Test
    void aTownServiceCentreAcceptsTheMinimumLivingAllowance() {
        given().get("/api/matters/minimum-living-allowance").then().statusCode(200)
                .body("servicePoints.code", hasItem("town-service-centre"));
        given().get("/matter/minimum-living-allowance?lang=zh").then().statusCode(200)
                .body(containsString("镇（街道）便民服务中心"));
    }

    @Test
    void aDistrictWithoutAnApprovalBureauChangesOneRoutingCell() throws Exception {
        Catalogue catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        Matter food = catalogue.matter("food-business-licence").orElseThrow();
        assertEquals("xzspj", food.department(), "the shipped district keeps the catalogue's assignment");
        assertEquals("scjg", food.competentDepartment());
        TestFiles.copyShippedRules(rules);
        TestFiles.replaceFirst(rules.resolve("department-routing.dmn"),
                "<outputEntry id=\"dept-approval-bureau-decides-o1\"><text>&quot;xzspj&quot;</text></outputEntry>",
                "<outputEntry id=\"dept-approval-bureau-decides-o1\"><text>Matter.competentDepartment</text></outputEntry>");
        RuleSet noBureau = new RuleSetCompiler().compile(rules);
        IntakeDecider decider = new IntakeDecider(catalogue, noBureau, new QuestionDomains(catalogue, noBureau),
                MessageFiles.load("zh"), MessageFiles.load("en"), java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai")));
        Outcome outcome = decider.decide(new Situation(List.of("food-business-licence"), null,
                Map.of("agent", false, "vendingMachineOnly", false),
                new Applicant("enterprise", "91110000600037341L", "good"), null));
        assertEquals("scjg", outcome.departments().stream().filter(d -> d.role().equals("lead")).findFirst().orElseThrow()
                .code(), "without an approval bureau the functional bureau accepts and decides");
    }
}
