package org.onewindow.staff;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A browser-like client of the staff pages for REST Assured: its cookies, its CSRF token, its client address. */
final class StaffBrowserSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    final String client;
    String csrfCookie;
    String session;

    StaffBrowserSession(String client) {
        this.client = client;
    }

    RequestSpecification request() {
        RequestSpecification spec = given().redirects().follow(false).header("X-Forwarded-For", client);
        if (csrfCookie != null) {
            spec.cookie("ow_csrf", csrfCookie);
        }
        if (session != null) {
            spec.cookie("ow_session", session);
        }
        return spec;
    }

    /** GETs a page and answers the CSRF token of its forms. */
    String token(String page) {
        Response response = request().get(page);
        assertTrue(response.statusCode() == 200, page + " answered " + response.statusCode());
        if (response.getCookie("ow_csrf") != null) {
            csrfCookie = response.getCookie("ow_csrf");
        }
        Matcher m = TOKEN.matcher(response.asString());
        assertTrue(m.find(), "a form with a CSRF token on " + page);
        return m.group(1);
    }

    /** Posts the login form; answers the response (303 on success, with the session cookie kept). */
    Response login(String username, String password) {
        String token = token("/login");
        Response response = request().formParam("csrf-token", token).formParam("j_username", username)
                .formParam("j_password", password).post("/login");
        if (response.getCookie("ow_session") != null && !response.getCookie("ow_session").isEmpty()) {
            session = response.getCookie("ow_session");
        }
        return response;
    }
}
