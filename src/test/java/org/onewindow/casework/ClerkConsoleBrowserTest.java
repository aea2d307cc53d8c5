package org.onewindow.casework;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The check-in flow in a real browser (Debian chromium): a clerk logs in, scans the reference of
 * a kiosk notice, identifies the applicant, checks the materials in with one click each, accepts
 * with tolerance and prints the documents; the department's reviewer approves; the clerk hands
 * the result over. Every page passes axe-core without serious or critical violations; screenshots
 * go to target/screenshots.
 */
@QuarkusTest
class ClerkConsoleBrowserTest {

    // the test port is random (parallel builds on one machine); Quarkus injects the one it bound
    @TestHTTPResource("/")
    java.net.URL base;

    private static Browser browser;

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void accessible(Browser b, String where) {
        List<String> violations = b.seriousViolations();
        assertTrue(violations.isEmpty(), where + ": " + String.join("\n", violations));
    }

    private static void login(Browser b, String username) {
        b.open("/logout");
        b.open("/clerk");
        assertTrue(b.path().startsWith("/login"), "the console asks for a login first: " + b.path());
        b.find("#j_username").sendKeys(username);
        b.submit("#j_password", TestStaff.PASSWORD);
    }

    @Test
    void aClerkTakesInAKioskApplicationAndTheDepartmentDecidesIt() {
        TestStaff.ensure();
        String reference = given().contentType("application/json").body("{\"matters\": [\"food-business-licence\"], "
                + "\"answers\": {\"agent\": false, \"vendingMachineOnly\": false}}").post("/api/intake/evaluate")
                .then().statusCode(200).extract().path("reference");
        browser = new Browser(base.getPort());
        Browser b = browser;

        b.open("/clerk?lang=zh");
        b.screenshot("clerk-1-login");
        accessible(b, "login");
        b.find("#j_username").sendKeys(TestStaff.CLERK);
        b.find("#j_password").sendKeys("wrong-password");
        b.clickAndWait("#login");
        assertTrue(b.all("#login-error").size() == 1, "a wrong password is refused");
        b.find("#j_username").sendKeys(TestStaff.CLERK);
        b.submit("#j_password", TestStaff.PASSWORD);
        assertTrue(b.path().startsWith("/clerk"), b.path());
        accessible(b, "queue");

        // the scanner types the reference and Enter into the search field
        b.submit("#q", reference);
        assertTrue(b.path().startsWith("/clerk/new"), b.path());
        assertEquals(reference, b.find("#reference").getAttribute("value"));
        accessible(b, "start");
        new org.openqa.selenium.support.ui.Select(b.find("#applicantType")).selectByValue("enterprise");
        // credit comes from the registry: an enterprise not on the dishonest list is good
        String applicantId = TestApplicants.enterprise();
        b.find("#applicantId").sendKeys(applicantId);
        b.find("#applicantName").sendKeys("城关小厨餐饮有限公司");
        b.screenshot("clerk-2-start");
        b.clickAndWait("#create");
        assertTrue(b.path().matches("/clerk/applications/\\d+.*"), b.path());
        assertEquals("核验中", b.text("#status"));

        for (String code : List.of("food-business-application", "business-licence", "food-facility-layout")) {
            b.clickAndWait("#item-" + code + " button.yes");
            assertEquals("已收", b.text("#item-" + code + " td.state"));
        }
        b.clickAndWait("#item-food-safety-rules button.no");
        assertTrue(b.find("#verdict").getAttribute("class").contains("verdict-tolerable"), b.text("#verdict"));
        b.screenshot("clerk-3-checkin");
        accessible(b, "check-in");

        b.clickAndWait("#accept");
        assertEquals("容缺受理", b.text("#status"));
        assertTrue(b.text("#item-food-safety-rules td.state").contains("容缺待补"));
        String detail = b.path();

        b.open(detail.replaceAll("\\?.*", "") + "/documents/tolerance");
        assertEquals("容缺受理通知书", b.text("#doc-title"));
        assertTrue(b.text("#commitment").contains("承诺"));
        b.screenshot("clerk-4-tolerance-notice");
        accessible(b, "tolerance notice");
        b.open(detail.replaceAll("\\?.*", "") + "/documents/receipt");
        assertEquals("受理通知书", b.text("#doc-title"));

        // the market-supervision reviewer approves — not before the tolerated material is in
        login(b, TestStaff.REVIEWER);
        b.open(detail.replaceAll("\\?.*", ""));
        b.find("#task-xzspj input[value=approve]").click();
        b.clickAndWait("#task-xzspj button[type=submit]");
        assertTrue(b.text("#flash-error").contains("容缺材料尚未补齐"), b.text("#flash-error"));
        login(b, TestStaff.CLERK);
        b.open(detail.replaceAll("\\?.*", ""));
        b.clickAndWait("#item-food-safety-rules button.yes");
        assertEquals("已补交", b.text("#item-food-safety-rules td.state").split("\n")[0]);
        login(b, TestStaff.REVIEWER);
        b.open(detail.replaceAll("\\?.*", ""));
        b.find("#task-xzspj input[value=approve]").click();
        b.clickAndWait("#task-xzspj button[type=submit]");
        assertEquals("待出件", b.text("#status"));

        // the clerk hands the result over at the unified window
        login(b, TestStaff.CLERK);
        b.open("/clerk/board");
        b.screenshot("clerk-5-board");
        accessible(b, "board");
        b.open(detail.replaceAll("\\?.*", ""));
        b.clickAndWait("#deliver");
        assertEquals("已出件", b.text("#status"));
        assertTrue(b.text("#timeline").contains("出件"));
        b.screenshot("clerk-6-delivered");

        // the applicant rates the service from the pickup slip's QR code (好差评)
        String number = b.text("#number");
        b.open("/logout");
        b.open("/rate?number=" + number + "&lang=zh");
        b.find("#rate-id").sendKeys(applicantId.substring(12));
        b.find("input[name=score][value='4']").click();
        b.find("#rate-comment").sendKeys("窗口服务热情");
        b.clickAndWait("#rate-submit");
        assertEquals(1, b.all("#rate-thanks").size(), b.text("main"));
    }

    @Test
    void aCitizenWhoseCertificatesAreOnFileIsNotAskedForThemAgainAtTheDeskButTheKioskRevealsNothing() {
        String applicant = TestApplicants.enterprise();
        long id = TestStaff.clerk().contentType("application/json").body(ApplicationApiTest.body(applicant))
                .post("/api/applications").then().statusCode(201).extract().jsonPath().getLong("id");
        ApplicationApiTest.KEY.forEach(code -> ApplicationApiTest.mark(id, code, "received"));
        ApplicationApiTest.TOLERABLE.forEach(code -> ApplicationApiTest.mark(id, code, "received"));
        ApplicationApiTest.accept(id, ApplicationApiTest.version(id), null).then().statusCode(200);

        if (browser == null) {
            browser = new Browser(base.getPort());
        }
        Browser b = browser;
        b.open("/start?matter=food-business-licence&lang=zh");
        for (int i = 0; i < 10 && !b.all("#question-form").isEmpty(); i++) {
            List<org.openqa.selenium.WebElement> choices = b.all("input[type=radio]");
            choices.get(choices.size() - 1).click(); // 否
            b.clickAndWait("#next");
        }
        b.submit("#applicant-id", "91350100M000100Y44"); // a wrong check character
        assertEquals(1, b.all("#id-error").size(), "a wrong number is refused on the same screen");
        b.find("#applicant-id").clear();
        b.submit("#applicant-id", applicant);
        assertTrue(b.path().startsWith("/result/"), b.path());
        // the kiosk is anonymous: whoever typed the code, it does not say what the library holds (issue 13) …
        String library = b.text("section[aria-labelledby=library]");
        assertTrue(!library.contains("营业执照") && b.all("#library-hint").size() == 1, library);
        accessible(b, "kiosk result");
        // … and the desk, taking the application in from the kiosk reference, does not ask for it again
        String reference = b.path().substring("/result/".length()).replaceAll("\\?.*", "");
        io.restassured.path.json.JsonPath created = TestStaff.clerk().contentType("application/json")
                .body(java.util.Map.of("reference", reference, "applicant", java.util.Map.of("type", "enterprise", "id",
                        applicant))).post("/api/applications").then().statusCode(201).extract().jsonPath();
        assertEquals("library", created.getString("checklist.find { it.code == 'business-licence' }.state"));
    }

    /** No CJK characters: what an English page's own words must be. */
    private static boolean english(String text) {
        return text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void aSupervisorApprovesAClerksOverrideAndReadsTheStatistics() {
        TestStaff.ensure();
        long id = Cases.create(Cases.DISABILITY, "person", TestApplicants.person(), TestStaff.CLERK).getLong("id");
        Cases.checkIn(id, TestStaff.CLERK, List.of(Cases.PHOTO));
        long keyMissing = ApplicationApiTest.create(TestApplicants.enterprise()).getLong("id");
        ApplicationApiTest.mark(keyMissing, "business-licence", "missing");
        if (browser == null) {
            browser = new Browser(base.getPort());
        }
        Browser b = browser;

        // the clerk finds a matter by name or code, not in a list of hundreds
        login(b, TestStaff.CLERK);
        b.open("/clerk/new?lang=zh");
        b.submit("#matter-find", "食品经营许可");
        assertTrue(b.text("#matter-matches").contains("food-business-licence"), b.text("#matter-matches"));
        b.find("#matter-find").clear();
        b.submit("#matter-find", "shipinjingyingxuke"); // pinyin, typed without spaces
        assertTrue(b.text("#matter-matches").contains("food-business-licence"), b.text("#matter-matches"));
        b.find("#matter-find").clear();
        b.submit("#matter-find", "disability-cert");
        assertTrue(b.text("#matter-matches").contains(Cases.DISABILITY), b.text("#matter-matches"));
        accessible(b, "start with matter search");

        // a key material cannot be tolerated: the refusal says so in Chinese, without English
        b.open("/clerk/applications/" + keyMissing);
        new org.openqa.selenium.support.ui.Select(b.find("#override-reason")).selectByValue("verified-electronically");
        b.find("#override-basis").sendKeys("电子证照库核验");
        b.clickAndWait("#override-propose");
        String refusal = b.text("#flash-error");
        assertTrue(refusal.contains("主要申请材料不得容缺") && refusal.contains("申请书"), refusal);
        assertTrue(!refusal.matches(".*[A-Za-z].*"), "no English in the Chinese banner: " + refusal);

        // the clerk proposes the override of the missing photo
        b.open("/clerk/applications/" + id);
        assertTrue(b.find("#verdict").getAttribute("class").contains("verdict-incomplete"), b.text("#verdict"));
        new org.openqa.selenium.support.ui.Select(b.find("#override-reason")).selectByValue("verified-electronically");
        b.find("#override-note").sendKeys("照片已从人口库调取");
        b.find("#override-basis").sendKeys("区政务办〔2026〕12号");
        b.clickAndWait("#override-propose");
        assertTrue(b.text("#override-pending").contains(TestStaff.CLERK), b.text("#override-pending"));
        assertTrue(b.all("#override-approve").isEmpty(), "a clerk cannot approve");
        b.screenshot("clerk-7-override-proposed");

        // the supervisor finds it on the board and approves it
        login(b, TestStaff.SUPERVISOR);
        b.open("/clerk/board?lang=zh");
        String number = TestStaff.clerk().get("/api/applications/" + id).then().extract().path("number");
        assertTrue(b.text("#board-overrides").contains(number), b.text("#board-overrides"));
        accessible(b, "supervisor board");
        b.screenshot("clerk-8-supervisor-board");
        b.clickAndWait("#board-overrides a");
        assertTrue(b.text("#override-materials").contains("照片"), b.text("#override-materials"));
        b.find("#override-comment").sendKeys("同意，已核对共享数据");
        accessible(b, "override to approve");
        b.clickAndWait("#override-approve");
        assertEquals("容缺受理", b.text("#status"));
        assertTrue(b.text("#item-photo td.state").contains("容缺待补"), b.text("#item-photo td.state"));
        String timeline = b.text("#timeline");
        assertTrue(timeline.contains("批准改变规则结论") && timeline.contains("须于") && !timeline.contains("due="),
                timeline);

        // and reads the statistics: figures, charts drawn on the server, CSV
        b.open("/clerk/statistics?lang=zh");
        assertEquals("统计分析", b.text("h1"));
        assertTrue(Integer.parseInt(b.text("#total-received")) >= 2, b.text("#total-received"));
        assertEquals(1, b.all("svg#chart-outcomes rect").size() > 0 ? 1 : 0, "the outcomes chart has bars");
        assertEquals("img", b.find("svg#chart-outcomes").getAttribute("role"));
        assertTrue(b.find("#stats-csv").getAttribute("href").contains("/clerk/statistics.csv?from="));
        accessible(b, "statistics");
        b.screenshot("clerk-9-statistics");
        b.open("/clerk/statistics?lang=en");
        assertEquals("Statistics", b.text("h1"));
        // the page's own words are English (names from the knowledge base and people's names stay as they are)
        for (String part : List.of("#stats-form", "#nav-queue", "#nav-board", "#nav-statistics", "#logout")) {
            assertTrue(english(b.text(part)), part + ": " + b.text(part));
        }
        b.open("/clerk/statistics?lang=zh");

        // the rating page the pickup slip's QR code opens (anonymous), in both languages
        b.open("/logout");
        b.open("/rate?number=" + number + "&lang=zh");
        assertEquals(number, b.find("#rate-number").getAttribute("value"));
        accessible(b, "rating page");
        b.open("/rate?lang=en");
        assertTrue(english(b.text("main")), b.text("main"));
        b.open("/rate?lang=zh");
    }
}
