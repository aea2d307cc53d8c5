package org.onewindow.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestStaff;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 不见面审批 end to end, the applicant on a phone-sized window (390 × 844) and the clerk at the desk:
 * sign in with the code from the outbox; an interview that already knows the applicant's age (from
 * the ID number), that they apply for themselves (who signed in), what their library holds and what
 * they answered earlier in the session; upload; submit; the clerk sees it as online pre-submitted,
 * opens the upload, accepts with tolerance (credit from the registry: not listed, good); the
 * applicant supplements online and follows progress; the department decides, the result is
 * delivered, the applicant rates it. Pages pass axe-core; screenshots go to target/screenshots.
 */
@QuarkusTest
class OnlineJourneyBrowserTest {

    @TestHTTPResource("/")
    java.net.URL base;

    private static Browser phone;
    private static Browser desk;

    @AfterAll
    static void stop() {
        if (phone != null) {
            phone.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    private static void accessible(Browser b, String where) {
        List<String> violations = b.seriousViolations();
        assertTrue(violations.isEmpty(), where + ": " + String.join("\n", violations));
    }

    private static Path file(String name, byte[] content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "upload-fixtures"));
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f.toAbsolutePath();
    }

    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]"
            + "/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void anApplicantAppliesOnlineAndTheDeskAcceptsWithTolerance() throws Exception {
        TestStaff.ensure();
        String person = TestApplicants.person();
        String mobile = OnlineClient.phone();
        // earlier, at a desk: a verified disability certificate, ID card and household register are in the library,
        // and the clerk saw the ID card of the person with this phone
        OnlineCases.acceptedAtTheDesk(OnlineCases.ASSISTIVE, person);
        OnlineCases.verifyIdentity(person, mobile);

        phone = new Browser(base.getPort(), 390, 844);
        Browser b = phone;
        b.open("/online?lang=zh");
        b.screenshot("online-1-signin");
        accessible(b, "sign-in");
        b.find("#phone").sendKeys(mobile);
        b.clickAndWait("#send-code");
        assertTrue(b.text("#code-sent").contains("验证码已发送"));
        b.find("#code").sendKeys(OnlineClient.lastCode(mobile));
        b.clickAndWait("#sign-in");
        assertTrue(b.text("#signed-in-as").contains(mobile.substring(0, 3) + "****"), b.text("#signed-in-as"));

        // who I am: the identity the clerk verified
        b.find("#name").clear();
        b.find("#name").sendKeys("网办申请人");
        b.find("#idNumber").clear();
        b.find("#idNumber").sendKeys(person);
        b.clickAndWait("#save-profile");
        assertEquals(1, b.all("#verified").size(), "verified at the desk before");
        b.screenshot("online-2-home");
        accessible(b, "home");

        // a first interview (辅助器具): age from the ID number and "for myself" are known; one question is asked
        b.submit("#q", "辅助器具");
        b.clickAndWait("#apply-" + OnlineCases.ASSISTIVE);
        b.find("input[name=for][value=self]").click();
        b.clickAndWait("#begin");
        String known = b.text("#known");
        assertTrue(known.contains("年龄"), known);
        assertTrue(known.contains("委托他人"), known);
        assertEquals("申请人家庭是否为最低生活保障家庭或特困供养人员？", b.text("#question-text"));
        b.screenshot("online-3-interview");
        accessible(b, "interview");
        b.find("input[name='a.dibaoFamily'][value=false]").click();
        b.clickAndWait("#next");
        assertTrue(b.all("#see-materials").size() == 1, "nothing else to ask");

        // the application made: 残疾人两项补贴 — everything it would ask is already known (agent from who signed in,
        // 低保 from the answer just given)
        b.open("/online/find?q=" + java.net.URLEncoder.encode("残疾人两项补贴", java.nio.charset.StandardCharsets.UTF_8));
        b.clickAndWait("#apply-disability-subsidies");
        b.find("input[name=for][value=self]").click();
        b.clickAndWait("#begin");
        assertEquals(1, b.all("#see-materials").size(), "no question asked: " + b.text("main"));
        assertTrue(b.text("#known").contains("最低生活保障"), b.text("#known"));
        b.clickAndWait("#see-materials");
        assertTrue(b.path().startsWith("/online/drafts/"), b.path());
        String library = b.text("#library");
        assertTrue(library.contains("残疾人证"), "the certificate held is not asked for: " + library);
        assertEquals(0, b.all("#m-disability-certificate").size());

        // upload the application form; the social security card is left to follow (容缺)
        b.find("#file-disability-subsidy-application").sendKeys(file("申请表.pdf", PDF).toString());
        b.clickAndWait("#upload-disability-subsidy-application");
        assertTrue(b.text("#m-disability-subsidy-application").contains("SHA-256"), b.text("main"));
        // a text file named .png is refused, by its content
        b.find("#file-social-security-card").sendKeys(file("card.png", "hello".getBytes()).toString());
        b.clickAndWait("#upload-social-security-card");
        assertTrue(b.text("#upload-error").contains("PDF、JPEG、PNG"), b.text("#upload-error"));
        b.screenshot("online-4-upload");
        accessible(b, "draft");
        b.clickAndWait("#submit");
        String number = b.text("#number");
        assertTrue(number.startsWith("SL"), number);
        assertEquals("核验中", b.text("#status"));
        assertTrue(b.text("#steps").contains("网上申请已提交"), b.text("#steps"));

        // the desk: online pre-submitted in the queue; the upload opens on screen; accepted with tolerance
        desk = new Browser(base.getPort());
        Browser d = desk;
        d.open("/clerk?lang=zh");
        d.find("#j_username").sendKeys(TestStaff.CLERK);
        d.submit("#j_password", TestStaff.PASSWORD);
        assertEquals("网上预审", d.text("#online-" + number));
        d.clickAndWait("a[href*='/clerk/applications/']:not([href*='documents'])");
        if (!d.text("#number").equals(number)) {
            d.open("/clerk?q=" + number);
        }
        assertEquals(number, d.text("#number"));
        assertEquals(1, d.all("#online-channel").size());
        String uploadHref = d.find("#upload-disability-subsidy-application-0").getAttribute("href");
        // the clerk's session opens it: a PDF, typed by its content
        Object type = ((org.openqa.selenium.JavascriptExecutor) d.driver).executeAsyncScript("var done = arguments[1];"
                + "fetch(arguments[0]).then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); })",
                uploadHref);
        assertEquals("200 application/pdf", type);
        TestStaff.clerk().redirects().follow(false).get(uploadHref.replaceAll("^https?://[^/]+", "")).then()
                .statusCode(302); // the console's pages (and files) need the form login, not HTTP Basic
        for (String code : List.of("disability-subsidy-application", "id-card", "household-register",
                "disability-certificate")) {
            if (d.all("#item-" + code + " button.yes").size() == 1) {
                d.clickAndWait("#item-" + code + " button.yes");
            }
        }
        d.clickAndWait("#item-social-security-card button.no");
        assertTrue(d.find("#verdict").getAttribute("class").contains("verdict-tolerable"), d.text("#verdict"));
        assertTrue(d.text("#credit").contains("良好"), "credit from the registry: not listed → good: " + d.text("#credit"));
        d.screenshot("online-5-desk");
        d.clickAndWait("#accept");
        assertEquals("容缺受理", d.text("#status"));

        // the applicant sees what is awaited and by when, and supplements online
        b.open("/online/applications/" + number);
        assertEquals("容缺受理", b.text("#status"));
        assertTrue(b.text("#waiting").contains("社保卡"), b.text("#waiting"));
        assertTrue(b.text("#waiting").matches("(?s).*请于 \\d{4}年\\d{1,2}月\\d{1,2}日 前补交.*"), b.text("#waiting"));
        assertTrue(b.text("#steps").contains("已容缺受理"), b.text("#steps"));
        b.find("#file-social-security-card").sendKeys(file("社保卡.png", PNG).toString());
        b.clickAndWait("#supplement-social-security-card");
        assertTrue(b.text("#done").contains("已上传"), b.text("main"));
        b.screenshot("online-6-supplement");
        accessible(b, "application");

        // the desk records the supplement (from the upload), the department approves, the result is handed over
        d.open(d.path().replaceAll("\\?.*", ""));
        assertEquals(1, d.all("#upload-social-security-card-0").size(), "the supplement is on the desk's screen");
        d.clickAndWait("#item-social-security-card button.yes");
        long id = Long.parseLong(d.path().replaceAll(".*/applications/(\\d+).*", "$1"));
        List<String> departments = TestStaff.admin().get("/api/applications/" + id).then().extract().path("tasks.department");
        for (String department : departments) { // the lead and the parallel department (并联审批)
            int version = TestStaff.admin().get("/api/applications/" + id).then().extract().path("version");
            TestStaff.admin().contentType("application/json").body(Map.of("version", version, "decision", "approve"))
                    .post("/api/applications/" + id + "/departments/" + department + "/decision").then().statusCode(200);
        }
        b.open("/online/applications/" + number);
        assertTrue(b.text("#steps").contains("已补交"), b.text("#steps"));
        assertTrue(b.text("#steps").contains("已办结，请到"), b.text("#steps"));
        assertEquals(0, b.all("#waiting").size());
        int version = TestStaff.admin().get("/api/applications/" + id).then().extract().path("version");
        TestStaff.clerk().contentType("application/json").body(Map.of("version", version))
                .post("/api/applications/" + id + "/deliver").then().statusCode(200);

        // progress shown to everyone with the number and the ID's last six — in English too
        b.open("/progress?lang=en&number=" + number + "&idTail=" + person.substring(12));
        assertTrue(b.text("#steps").contains("Result collected"), b.text("#steps"));
        assertFalse(b.text("main").codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN), "English progress page in English: " + b.text("main"));
        b.screenshot("online-7-progress-en");
        accessible(b, "progress");

        // and the rating, once delivered
        b.open("/online/applications/" + number + "?lang=zh");
        b.clickAndWait("#rate");
        b.find("#rate-id").sendKeys(person.substring(12));
        b.find("input[name=score][value='5']").click();
        b.clickAndWait("#rate-submit");
        assertEquals(1, b.all("#rate-thanks").size(), b.text("main"));
        b.driver.findElement(By.tagName("body"));
    }
}
