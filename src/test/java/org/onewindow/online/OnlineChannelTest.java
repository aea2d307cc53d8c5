package org.onewindow.online;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestClock;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The applicants' own channel through HTTP: the privacy of the shared library, progress for
 * everyone (and its limit), sign-in by a one-time code, uploads judged by their content.
 */
@QuarkusTest
class OnlineChannelTest {

    @Inject
    TestClock clock;

    @Inject
    Uploads uploads;

    private static Map<String, Object> situation(String person) {
        return Map.of("matters", List.of(OnlineCases.ASSISTIVE), "answers", OnlineCases.answers(OnlineCases.ASSISTIVE),
                "applicant", Map.of("type", "person", "id", person));
    }

    private static Boolean certificateFromLibrary(JsonPath outcome, String prefix) {
        List<Map<String, Object>> materials = outcome.getList(prefix + "materials");
        return materials.stream().filter(m -> OnlineCases.DISABILITY.equals(m.get("code"))).findFirst()
                .map(m -> (Boolean) m.get("fromLibrary")).orElseThrow(() -> new AssertionError("no certificate line"));
    }

    @Test
    void anonymousIntakeAnswersNeverShowTheLibrary() {
        TestStaff.ensure();
        String person = TestApplicants.person();
        OnlineCases.acceptedAtTheDesk(OnlineCases.ASSISTIVE, person);

        // anyone who types the ID number: evaluate, interview, the kiosk pages of the decision
        JsonPath anonymous = given().contentType("application/json").body(situation(person)).post("/api/intake/evaluate")
                .then().statusCode(200).extract().jsonPath();
        assertFalse(certificateFromLibrary(anonymous, ""), "anonymous evaluate shows the library");
        assertTrue(anonymous.getList("materials.fromLibrary").stream().noneMatch(Boolean.TRUE::equals));
        assertFalse(anonymous.getString("notice").contains("共享库"), anonymous.getString("notice"));
        JsonPath interview = given().contentType("application/json").body(situation(person)).post("/api/interview")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(interview.getBoolean("done"));
        assertFalse(certificateFromLibrary(interview, "result."), "anonymous interview shows the library");
        String page = given().get("/result/" + anonymous.getString("reference")).then().statusCode(200).extract().asString();
        String library = page.substring(page.indexOf("id=\"library\""), page.indexOf("</section>", page.indexOf("id=\"library\"")));
        assertFalse(library.contains("<li>"), "the kiosk result lists library holdings: " + library);
        assertFalse(given().get("/notice/" + anonymous.getString("reference")).asString().contains("共享库已有"));

        // staff see it
        JsonPath staff = TestStaff.clerk().contentType("application/json").body(situation(person))
                .post("/api/intake/evaluate").then().statusCode(200).extract().jsonPath();
        assertTrue(certificateFromLibrary(staff, ""), "the desk sees the library");

        // the applicant signed in, for their own verified identity — and nobody else's
        String phone = OnlineClient.phone();
        OnlineClient me = new OnlineClient().signIn(phone);
        me.post("/online/profile", Map.of("idNumber", person, "name", "网办测试")).then().statusCode(303);
        JsonPath unverified = me.request().contentType("application/json").body(situation(person))
                .post("/api/intake/evaluate").then().statusCode(200).extract().jsonPath();
        assertFalse(certificateFromLibrary(unverified, ""), "a declared, unverified identity sees no library");
        OnlineCases.verifyIdentity(person, phone);
        JsonPath own = me.request().contentType("application/json").body(situation(person)).post("/api/intake/evaluate")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(certificateFromLibrary(own, ""), "the verified applicant sees their own library");

        String other = TestApplicants.person();
        OnlineCases.acceptedAtTheDesk(OnlineCases.ASSISTIVE, other);
        JsonPath someoneElse = me.request().contentType("application/json").body(situation(other))
                .post("/api/intake/evaluate").then().statusCode(200).extract().jsonPath();
        assertFalse(certificateFromLibrary(someoneElse, ""), "a signed-in applicant sees nobody else's library");

        // another phone declaring the same ID number is not verified for it
        OnlineClient impostor = new OnlineClient().signIn(OnlineClient.phone());
        impostor.post("/online/profile", Map.of("idNumber", person, "name", "冒名")).then().statusCode(303);
        JsonPath claimed = impostor.request().contentType("application/json").body(situation(person))
                .post("/api/intake/evaluate").then().statusCode(200).extract().jsonPath();
        assertFalse(certificateFromLibrary(claimed, ""), "claiming an ID number shows nothing of its library");
    }

    @Test
    void progressByNumberAndIdTailInPlainWords() {
        TestStaff.ensure();
        String person = TestApplicants.person();
        long id = OnlineCases.acceptedAtTheDesk(OnlineCases.ASSISTIVE, person);
        String number = TestStaff.clerk().get("/api/applications/" + id).then().extract().path("number");
        String tail = person.substring(person.length() - 6);

        JsonPath p = given().get("/api/progress/" + number + "?idTail=" + tail).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(number, p.getString("number"));
        assertEquals("accepted", p.getString("status"));
        assertEquals(OnlineCases.ASSISTIVE, p.getString("matters[0].code"));
        assertNotNull(p.getString("dueOn"));
        List<String> what = p.getList("steps.what");
        List<String> whatEn = p.getList("steps.whatEn");
        assertEquals("窗口已收件，正在核验材料", what.get(0));
        assertTrue(what.stream().anyMatch(w -> w.startsWith("已受理，承诺办结日期")), what.toString());
        assertTrue(what.stream().anyMatch(w -> w.startsWith("已转") && w.contains("残疾人联合会")), what.toString());
        assertTrue(whatEn.stream().anyMatch(w -> w.startsWith("Accepted; the result is promised by")), whatEn.toString());
        assertTrue(whatEn.stream().noneMatch(w -> w.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN)), "English steps in English: " + whatEn);
        assertNotNull(p.getString("steps[0].at"));
        assertTrue(p.getList("waitingFor").isEmpty());
        assertFalse(p.prettify().contains(person), "progress never shows the ID number");

        // a wrong tail and a wrong number answer alike
        Response wrongTail = given().get("/api/progress/" + number + "?idTail=000000");
        Response wrongNumber = given().get("/api/progress/SL20000101-999999?idTail=" + tail);
        assertEquals(404, wrongTail.statusCode());
        assertEquals(404, wrongNumber.statusCode());
        assertEquals(wrongTail.asString(), wrongNumber.asString());
        assertEquals(404, given().get("/api/progress/" + number).statusCode(), "the tail is required");

        // the page the QR code opens
        String html = given().get("/progress?number=" + number + "&idTail=" + tail).then().statusCode(200).extract()
                .asString();
        assertTrue(html.contains("窗口已收件，正在核验材料"), html);
    }

    @Test
    void repeatedFailedLookUpsWaitAndSayHowLong() {
        TestStaff.ensure();
        String person = TestApplicants.person();
        long id = OnlineCases.acceptedAtTheDesk(OnlineCases.ASSISTIVE, person);
        String number = TestStaff.clerk().get("/api/applications/" + id).then().extract().path("number");
        String tail = person.substring(person.length() - 6);
        try {
            Response refused = null;
            for (int i = 0; i < 50 && refused == null; i++) {
                Response r = given().get("/api/progress/" + number + "?idTail=" + String.format("%06d", i));
                if (r.statusCode() == 429) {
                    refused = r;
                } else {
                    assertEquals(404, r.statusCode());
                }
            }
            assertNotNull(refused, "guessing is limited");
            assertTrue(Long.parseLong(refused.header("Retry-After")) > 0, "says how long to wait");
            assertEquals(429, given().get("/api/progress/" + number + "?idTail=" + tail).statusCode(),
                    "while waiting, even the right pair waits");
            clock.advance(Duration.ofMinutes(11));
            assertEquals(200, given().get("/api/progress/" + number + "?idTail=" + tail).statusCode(),
                    "the window has passed");
        } finally {
            // leave no blocked window behind for the other tests (all from this address): a failure now opens a
            // window starting 11 minutes ahead, which the limiter drops once the clock is set back
            given().get("/api/progress/SL00000000-000000?idTail=000000");
            clock.reset();
        }
    }

    @Test
    void signInNeedsTheCodeSentToThePhone() {
        TestStaff.ensure();
        String phone = OnlineClient.phone();
        OnlineClient c = new OnlineClient();
        c.page("/online").then().statusCode(200);
        assertTrue(c.post("/online/code", Map.of("phone", phone)).asString().contains("id=\"code-form\""));
        // only operators read the outbox
        given().get("/api/online/outbox").then().statusCode(401);
        TestStaff.clerk().get("/api/online/outbox").then().statusCode(403);
        // without a phone filter the newest messages of every phone, this one's code among them (it once answered 500)
        List<String> phones = TestStaff.admin().get("/api/online/outbox?limit=500").then().statusCode(200).extract()
                .path("phone");
        assertTrue(phones.contains(phone), phones.toString());
        String code = OnlineClient.lastCode(phone);

        String wrong = code.equals("000000") ? "111111" : "000000";
        Response refused = c.post("/online/signin", Map.of("phone", phone, "code", wrong));
        assertEquals(200, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"signin-error\""));
        assertFalse(c.cookies.containsKey("ow_applicant"));
        assertTrue(c.post("/online/code", Map.of("phone", phone)).asString().contains("验证码刚刚发出"),
                "no second code within a minute");
        assertEquals(303, c.post("/online/signin", Map.of("phone", phone, "code", code)).statusCode());
        assertTrue(c.page("/online").asString().contains(phone.substring(0, 3) + "****" + phone.substring(7)));
        assertEquals(303, c.post("/online/signout", Map.of()).statusCode());
        assertTrue(c.page("/online").asString().contains("id=\"phone-form\""), "signed out");

        // too many wrong tries use the code up
        String phone2 = OnlineClient.phone();
        OnlineClient d = new OnlineClient();
        d.page("/online");
        d.post("/online/code", Map.of("phone", phone2));
        String code2 = OnlineClient.lastCode(phone2);
        String bad = code2.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            d.post("/online/signin", Map.of("phone", phone2, "code", bad));
        }
        assertEquals(200, d.post("/online/signin", Map.of("phone", phone2, "code", code2)).statusCode(),
                "the right code no longer works after five wrong ones");
        assertFalse(d.cookies.containsKey("ow_applicant"));

        // a bad phone number is said in words
        assertTrue(new OnlineClient().post("/online/code", Map.of("phone", "12345")).asString()
                .contains("id=\"signin-error\""));
    }

    @Test
    void uploadsAreJudgedByTheirContentAndKeptWithTheirHash() throws Exception {
        TestStaff.ensure();
        String person = TestApplicants.person();
        String phone = OnlineClient.phone();
        OnlineClient me = new OnlineClient().signIn(phone);
        me.post("/online/profile", Map.of("idNumber", person, "name", "上传测试")).then().statusCode(303);
        Map<String, Object> form = new HashMap<>();
        form.put("matter", OnlineCases.ASSISTIVE);
        form.put("for", "self");
        OnlineCases.answers(OnlineCases.ASSISTIVE).forEach((k, v) -> form.put("a." + k, String.valueOf(v)));
        Response decided = me.post("/online/decide", form);
        assertEquals(303, decided.statusCode(), decided.asString());
        String draft = decided.header("Location").replaceAll(".*/online/drafts/", "");
        me.page("/online/drafts/" + draft).then().statusCode(200);

        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");
        Response ok = me.upload("/online/drafts/" + draft + "/uploads", OnlineCases.DISABILITY, "scan.pdf", png,
                "application/pdf");
        assertEquals(303, ok.statusCode());
        assertFalse(ok.header("Location").contains("error="), ok.header("Location"));
        List<Upload> stored = uploads.forDraft(phone, draft);
        assertEquals(1, stored.size());
        assertEquals("image/png", stored.get(0).contentType(), "typed by content, not by the name or the claim");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(png));
        assertEquals(sha, stored.get(0).sha256());
        assertTrue(java.util.Arrays.equals(png, uploads.content(stored.get(0).id())), "stored durably, byte for byte");
        assertTrue(me.page("/online/drafts/" + draft).asString().contains(sha.substring(0, 12)));

        Response text = me.upload("/online/drafts/" + draft + "/uploads", OnlineCases.DISABILITY, "letter.pdf",
                "not a pdf at all".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/pdf");
        assertTrue(text.header("Location").contains("error=file+type"), text.header("Location"));
        byte[] big = new byte[uploads.maxBytes() + 1];
        System.arraycopy("%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, big, 0, 8);
        Response tooBig = me.upload("/online/drafts/" + draft + "/uploads", OnlineCases.DISABILITY, "big.pdf", big,
                "application/pdf");
        assertTrue(tooBig.header("Location").contains("error=file+too+large"), tooBig.header("Location"));
        assertEquals(1, uploads.forDraft(phone, draft).size(), "refused files are not kept");

        // somebody else's draft is not there for them
        OnlineClient other = new OnlineClient().signIn(OnlineClient.phone());
        other.page("/online");
        assertEquals(404, other.upload("/online/drafts/" + draft + "/uploads", OnlineCases.DISABILITY, "x.png", png,
                "image/png").statusCode());
        assertEquals(404, other.page("/online/drafts/" + draft).statusCode());
        // an unverified applicant cannot submit (the page says so)
        assertTrue(me.page("/online/drafts/" + draft).asString().contains("id=\"verify-first\""));
    }
}
