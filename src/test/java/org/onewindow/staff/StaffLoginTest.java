package org.onewindow.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The authentication findings of issue 16: brute force is slowed then locked for known and
 * unknown names alike, an unknown name costs the same password check as a known one, logout ends
 * the session on the server, passwords are measured in bytes and common ones refused, accounts can
 * be changed, deactivated and reset, and CSRF tokens are bound to their session (login form too).
 */
@QuarkusTest
class StaffLoginTest {

    private static final String PASSWORD = "staff-login-test-7391";

    @Inject
    LoginThrottle throttle;

    private static String account(String roles) {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestStaff.admin().contentType("application/json").body(Map.of("username", username, "password", PASSWORD,
                "name", "测试账号", "roles", List.of(roles))).post("/api/staff").then().statusCode(201);
        return username;
    }

    private static String client() {
        return "198.51.100." + (1 + (int) (Math.random() * 250));
    }

    private static double passwordChecks() {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("onewindow_staff_password_checks_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aBurstOfWrongPasswordsIsHeldBackForKnownAndUnknownNamesAlike() {
        for (String username : List.of(account("clerk"), "nobody-" + UUID.randomUUID().toString().substring(0, 8))) {
            String ip = client();
            double checksBefore = passwordChecks();
            int heldBack = 0;
            for (int i = 0; i < 120; i++) {
                Response r = given().header("X-Forwarded-For", ip).auth().preemptive().basic(username, "wrong-" + i)
                        .get("/api/applications");
                assertEquals(401, r.statusCode());
                if (r.getHeader("Retry-After") != null) {
                    heldBack++;
                }
            }
            double checked = passwordChecks() - checksBefore;
            assertTrue(checked < 12, username + ": 120 tries in a burst, but only " + checked + " passwords were checked");
            assertTrue(heldBack > 100, username + ": " + heldBack + " answers said when to try again");
        }
    }

    @Test
    void anUnknownNameCostsTheSamePasswordCheckAsAKnownOne() {
        String known = account("clerk");
        double before = passwordChecks();
        given().header("X-Forwarded-For", client()).auth().preemptive().basic(known, "not-the-password")
                .get("/api/applications").then().statusCode(401);
        double afterKnown = passwordChecks();
        given().header("X-Forwarded-For", client()).auth().preemptive().basic("no-such-" + known, "not-the-password")
                .get("/api/applications").then().statusCode(401);
        assertEquals(1.0, afterKnown - before, "a known name: one bcrypt check");
        assertEquals(1.0, passwordChecks() - afterKnown, "an unknown name: one bcrypt check too (a dummy hash)");
    }

    @Test
    void aLockedAccountRefusesEvenTheRightPasswordAndSaysWhen() {
        String username = account("clerk");
        for (int i = 0; i < 10; i++) {
            throttle.failed(username, "203.0.113.250");
        }
        assertTrue(throttle.waitSeconds(username, "192.0.2.1") > 800, "ten failures lock the account for 15 minutes");
        StaffBrowserSession browser = new StaffBrowserSession(client());
        Response page = browser.login(username, PASSWORD);
        assertEquals(429, page.statusCode());
        assertNotNull(page.getHeader("Retry-After"));
        assertTrue(page.asString().contains("id=\"login-wait\""), "the page says to wait");
        given().header("X-Forwarded-For", client()).auth().preemptive().basic(username, PASSWORD)
                .get("/api/applications").then().statusCode(401).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // the same for a name that is no account
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 10; i++) {
            throttle.failed(ghost, "203.0.113.251");
        }
        assertTrue(throttle.waitSeconds(ghost, "192.0.2.1") > 800);
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        String username = account("clerk");
        StaffBrowserSession browser = new StaffBrowserSession(client());
        Response login = browser.login(username, PASSWORD);
        assertEquals(303, login.statusCode());
        assertEquals("/clerk", java.net.URI.create(login.getHeader("Location")).getPath());
        String cookie = browser.session;
        assertNotNull(cookie);
        browser.request().get("/clerk").then().statusCode(200);
        browser.request().get("/logout").then().statusCode(303);
        given().redirects().follow(false).cookie("ow_session", cookie).get("/clerk")
                .then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void theLoginFormNeedsItsCsrfTokenAndTokensAreBoundToTheirSession() {
        String clerk = account("clerk");
        given().redirects().follow(false).formParam("j_username", clerk).formParam("j_password", PASSWORD)
                .post("/login").then().statusCode(403);
        StaffBrowserSession a = new StaffBrowserSession(client());
        a.login(clerk, PASSWORD);
        StaffBrowserSession b = new StaffBrowserSession(client());
        b.login(account("clerk"), PASSWORD);
        String tokenOfA = a.token("/account/password");
        String tokenOfB = b.token("/account/password");
        assertTrue(!tokenOfA.equals(tokenOfB), "each session has its own token");
        b.request().formParam("csrf-token", tokenOfA).formParam("current", PASSWORD)
                .formParam("password", "another-good-pass-5521").formParam("repeat", "another-good-pass-5521")
                .post("/account/password").then().statusCode(403);
        // a token from before the login no longer works after it
        StaffBrowserSession c = new StaffBrowserSession(client());
        String anonymousToken = c.token("/login");
        c.login(clerk, PASSWORD);
        c.request().formParam("csrf-token", anonymousToken).formParam("current", PASSWORD)
                .formParam("password", "another-good-pass-5521").formParam("repeat", "another-good-pass-5521")
                .post("/account/password").then().statusCode(403);
    }

    @Test
    void passwordsAreMeasuredInBytesAndCommonOnesRefused() {
        for (String weak : List.of("12345678", "123456789012", "password2024!", "qwertyuiop123", "aaaaaaaaaaaaaaaa")) {
            TestStaff.admin().contentType("application/json").body(Map.of("username", "weak" + Math.abs(weak.hashCode()),
                    "password", weak, "name", "X", "roles", List.of("clerk"))).post("/api/staff")
                    .then().statusCode(400).body("field", equalTo("password"));
        }
        String tooLong = "政务服务中心综合窗口受理系统的工作人员账号密码长度测试"; // 27 characters, 81 bytes
        TestStaff.admin().contentType("application/json").body(Map.of("username", "longpw1", "password", tooLong,
                "name", "X", "roles", List.of("clerk"))).post("/api/staff")
                .then().statusCode(400).body("field", equalTo("password")).body("detail", containsString("72 bytes"));
        String fits = tooLong.substring(0, 24); // 72 bytes: every byte counts
        TestStaff.admin().contentType("application/json").body(Map.of("username", "longpw2", "password", fits,
                "name", "X", "roles", List.of("clerk"))).post("/api/staff").then().statusCode(201);
        // the whole password counts: the form posts UTF-8, and a different last character is refused
        assertEquals(303, new StaffBrowserSession(client()).login("longpw2", fits).statusCode());
        Response almost = new StaffBrowserSession(client()).login("longpw2", fits.substring(0, 23) + "码");
        assertTrue(almost.getHeader("Location").contains("error"), "one character different is a wrong password");
        assertTrue(PasswordPolicy.problem("admin", "12345678") != null, "12345678 is no admin password");
    }

    @Test
    void anAdministratorChangesDeactivatesAndResetsAccounts() {
        String username = account("clerk");
        StaffBrowserSession browser = new StaffBrowserSession(client());
        browser.login(username, PASSWORD);
        browser.request().get("/clerk").then().statusCode(200);

        TestStaff.admin().contentType("application/json").body(Map.of("active", false)).put("/api/staff/" + username)
                .then().statusCode(200).body("active", equalTo(false));
        given().header("X-Forwarded-For", client()).auth().preemptive().basic(username, PASSWORD)
                .get("/api/applications").then().statusCode(401);
        browser.request().get("/clerk").then().statusCode(302); // the open session ended with the account

        TestStaff.admin().contentType("application/json").body(Map.of("active", true, "roles", List.of("reviewer"),
                "department", "scjg")).put("/api/staff/" + username).then().statusCode(200)
                .body("roles", hasItem("reviewer")).body("department", equalTo("scjg"));
        TestStaff.admin().contentType("application/json").body(Map.of("password", "reset-by-admin-8812"))
                .post("/api/staff/" + username + "/password").then().statusCode(204);
        given().header("X-Forwarded-For", client()).auth().preemptive().basic(username, PASSWORD)
                .get("/api/applications").then().statusCode(401);
        given().header("X-Forwarded-For", client()).auth().preemptive().basic(username, "reset-by-admin-8812")
                .contentType("application/json").body(Map.of("current", "reset-by-admin-8812", "password", "my-own-choice-4410"))
                .post("/api/staff/me/password").then().statusCode(204);
        given().header("X-Forwarded-For", client()).auth().preemptive().basic(username, "my-own-choice-4410")
                .get("/api/applications/0").then().statusCode(org.hamcrest.Matchers.not(401));
        TestStaff.admin().contentType("application/json").body(Map.of("active", false)).put("/api/staff/admin")
                .then().statusCode(400).body("field", equalTo("active"));
    }

    @Test
    void theAdminPageManagesAccountsAndOnlyAdminsSeeIt() {
        String clerk = account("clerk");
        StaffBrowserSession asClerk = new StaffBrowserSession(client());
        asClerk.login(clerk, PASSWORD);
        asClerk.request().get("/admin/staff").then().statusCode(403);

        StaffBrowserSession admin = new StaffBrowserSession(client());
        admin.login("admin", TestStaff.ADMIN_PASSWORD);
        String token = admin.token("/admin/staff?lang=en");
        String created = "page" + UUID.randomUUID().toString().substring(0, 6);
        admin.request().formParam("csrf-token", token).formParam("username", created).formParam("name", "Page User")
                .formParam("password", "made-on-the-page-3390").formParam("roles", "tester").formParam("department", "")
                .post("/admin/staff").then().statusCode(303).header("Location", containsString("done=accountcreated"));
        String page = admin.request().get("/admin/staff?lang=en").asString();
        assertTrue(page.contains("id=\"account-" + created + "\""), "the new account is listed");
        admin.request().formParam("csrf-token", token).formParam("name", "Page User").formParam("roles", "tester")
                .formParam("department", "").post("/admin/staff/" + created).then().statusCode(303);
        TestStaff.admin().get("/api/staff").then().body("find { it.username == '" + created + "' }.active", equalTo(false));
    }

    @Test
    void aMemberOfStaffChangesTheirOwnPasswordOnThePage() {
        String username = account("tester");
        StaffBrowserSession browser = new StaffBrowserSession(client());
        browser.login(username, PASSWORD);
        String token = browser.token("/account/password");
        browser.request().formParam("csrf-token", token).formParam("current", PASSWORD)
                .formParam("password", "123456789012").formParam("repeat", "123456789012").post("/account/password")
                .then().statusCode(303).header("Location", containsString("error="));
        browser.request().formParam("csrf-token", token).formParam("current", PASSWORD)
                .formParam("password", "chosen-on-the-page-6651").formParam("repeat", "chosen-on-the-page-6651")
                .post("/account/password").then().statusCode(303).header("Location", containsString("done=passwordchanged"));
        browser.request().get("/scenarios").then().statusCode(200); // this session stays open
        given().header("X-Forwarded-For", client()).auth().preemptive().basic(username, "chosen-on-the-page-6651")
                .contentType("application/json").body("{}").post("/api/scenarios/run").then().statusCode(200);
    }
}
