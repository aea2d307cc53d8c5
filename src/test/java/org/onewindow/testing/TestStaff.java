package org.onewindow.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * Staff accounts for tests: the bootstrapped admin (ONEWINDOW_ADMIN_PASSWORD in the test
 * resources) creates a clerk, a market-supervision reviewer, a tax reviewer, a tester and supervisors through
 * the staff API, once per test run — on first use inside a test, where RestAssured knows the
 * test port.
 */
public final class TestStaff {

    public static final String ADMIN_PASSWORD = "kiosk-harbour-4471";
    public static final String PASSWORD = "desk-test-password";
    public static final String CLERK = "clerk1";
    public static final String REVIEWER = "xzsp1";
    public static final String TAX_REVIEWER = "tax1";
    public static final String TESTER = "tester1";
    public static final String SUPERVISOR = "supervisor1";
    public static final String SUPERVISOR_2 = "supervisor2";
    /** A clerk who is also a supervisor: proposes overrides, and may not approve their own. */
    public static final String CLERK_SUPERVISOR = "deskchief1";

    private static boolean created;

    private TestStaff() {
    }

    public static synchronized void ensure() {
        if (created) {
            return;
        }
        create(CLERK, "窗口一号", "[\"clerk\"]", null);
        create(REVIEWER, "行政审批局审批员", "[\"reviewer\"]", "xzspj");
        create(TAX_REVIEWER, "税务审批员", "[\"reviewer\"]", "tax");
        create(TESTER, "测试员", "[\"tester\"]", null);
        create(SUPERVISOR, "监督岗一号", "[\"supervisor\"]", null);
        create(SUPERVISOR_2, "监督岗二号", "[\"supervisor\"]", null);
        create(CLERK_SUPERVISOR, "窗口负责人", "[\"clerk\", \"supervisor\"]", null);
        created = true;
    }

    private static void create(String username, String name, String roles, String department) {
        String body = "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\", \"name\": \"" + name
                + "\", \"roles\": " + roles + (department == null ? "" : ", \"department\": \"" + department + "\"") + "}";
        int status = admin().contentType("application/json").body(body).post("/api/staff").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("cannot create test user " + username + ": " + status);
        }
    }

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    public static RequestSpecification as(String username) {
        ensure();
        return given().auth().preemptive().basic(username, PASSWORD);
    }

    public static RequestSpecification clerk() {
        return as(CLERK);
    }
}
