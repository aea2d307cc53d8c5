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
        // tolerance rests on a checked credit: an applicant whose credit is unknown is not tolerated
        new org.openqa.selenium.support.ui.Select(b.find("#creditStatus")).selectByValue("good");
        b.find("#applicantId").sendKeys(TestApplicants.enterprise());
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

        // the market-supervision reviewer approves
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
    }

    @Test
    void aCitizenWhoseCertificatesAreOnFileIsNotAskedForThemAgainAtTheKiosk() {
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
        String library = b.text("section[aria-labelledby=library]");
        assertTrue(library.contains("营业执照"), library);
        accessible(b, "kiosk result with library");
    }
}
