package org.onewindow.scenario;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The tester's /scenarios page: a run of one file lists no "uncovered" rules (one file covers only
 * part of the rule set; coverage is the whole suite's), and the static checks and the quality gate
 * come as tables in the page's language, not as the command line's English text.
 */
@QuarkusTest
class ScenarioPageTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private static String login() {
        TestStaff.ensure();
        Response page = given().get("/login");
        Matcher token = TOKEN.matcher(page.asString());
        assertTrue(token.find());
        Response login = given().redirects().follow(false).cookie("ow_csrf", page.getCookie("ow_csrf"))
                .formParam("csrf-token", token.group(1)).formParam("j_username", TestStaff.TESTER)
                .formParam("j_password", TestStaff.PASSWORD).post("/login");
        assertEquals(303, login.statusCode());
        return login.getCookie("ow_session");
    }

    @Test
    void oneFileListsNoUncoveredRowsAndTheChecksSpeakThePagesLanguage() {
        String session = login();
        String one = given().cookie("ow_session", session).get("/scenarios?run=1&file=tolerance.yaml&checks=1&lang=zh")
                .then().statusCode(200).extract().asString();
        assertFalse(one.contains("未被任何场景触发的规则"), "no uncovered list for one file");
        assertTrue(one.contains("<p id=\"coverage\" class=\"hint\">覆盖率只对整套场景计算"), "coverage is the whole suite's");
        assertTrue(one.contains("<td class=\"result\">"), "the result column has its own class (kept wide)");
        // the checks in Chinese: the summary and the quality gate's checks by their Chinese names
        assertTrue(one.contains("<p id=\"checks-summary\">静态检查了"), "a Chinese summary of the static checks");
        assertTrue(one.contains("每条规则行都有中文理由、英文理由和法规依据"), "the quality checks by their Chinese names");
        assertFalse(one.contains("every row of every policy table"), "not the English descriptions");
        assertFalse(one.contains("Static checks of"), "not the command line's English report");

        String all = given().cookie("ow_session", session).get("/scenarios?run=1&lang=en").then().statusCode(200)
                .extract().asString();
        assertTrue(all.contains("<p id=\"coverage\">Rule coverage:"), "the whole suite shows its coverage");
    }
}
