package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.onewindow.testing.TestStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.OneWindowTestResources;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Rules are data: an edit goes live without a restart, and a broken edit is refused with file,
 * line and reason while the previous rule set keeps serving.
 */
@QuarkusTest
class RuleReloadTest {

    private static final Path TOLERANCE = OneWindowTestResources.RULES.resolve("tolerance-policy.dmn");
    private static final String EVALUATE = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false}}";

    @AfterEach
    void restoreShippedRules() throws IOException {
        OneWindowTestResources.resetRules();
        TestStaff.admin().post("/api/rules/reload").then().statusCode(200);
    }

    private static String servingVersion() {
        return given().get("/api/rules").then().statusCode(200).extract().path("serving.version");
    }

    @Test
    void aBrokenEditIsRefusedWithFileAndLineAndTheOldRulesKeepServing() throws IOException {
        String before = servingVersion();
        String xml = Files.readString(TOLERANCE);
        Files.writeString(TOLERANCE, xml.replace("<text>null, &lt;= 2</text>", "<text>null, &lt;= 2 +</text>"));

        TestStaff.admin().post("/api/rules/reload").then().statusCode(422)
                .body("published", equalTo(false))
                .body("serving.version", equalTo(before))
                .body("problems.file", hasItem("tolerance-policy.dmn"))
                .body("problems[0].line", not(equalTo(0)));

        given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate")
                .then().statusCode(200).body("ruleSet.version", equalTo(before));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aGoodEditGoesLiveWithANewVersion() throws IOException {
        String before = servingVersion();
        String xml = Files.readString(TOLERANCE);
        Files.writeString(TOLERANCE, xml.replace("主要申请材料（主审要件）直接影响审批结果，不得容缺",
                "主要申请材料（主审要件）直接影响审批结果，一律不得容缺"));

        String after = TestStaff.admin().post("/api/rules/reload").then().statusCode(200)
                .body("published", equalTo(true)).extract().path("serving.version");
        assertNotEquals(before, after);
        given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate")
                .then().statusCode(200).body("ruleSet.version", equalTo(after));
    }

    @Test
    void theWatcherPicksUpAFileChangeWithoutACall() throws IOException {
        String before = servingVersion();
        Files.writeString(OneWindowTestResources.RULES.resolve("ruleset.yaml"),
                Files.readString(OneWindowTestResources.RULES.resolve("ruleset.yaml")) + "\n# touched by a test\n");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !before.equals(servingVersion()));
    }
}
