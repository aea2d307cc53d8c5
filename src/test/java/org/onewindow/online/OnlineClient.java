package org.onewindow.online;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onewindow.testing.TestStaff;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * An applicant's browser for the API-level tests of /online: keeps its cookies (CSRF token,
 * session), reads the CSRF field of each page, and signs in with the code the operator reads from
 * the message outbox — as an office without an SMS contract would pass it on.
 */
final class OnlineClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    final Map<String, String> cookies = new HashMap<>();
    String csrf;

    RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    /** GET a page, keep its cookies and CSRF token. */
    Response page(String path) {
        Response r = request().get(path);
        keep(r);
        return r;
    }

    /** POST a form with this browser's CSRF token. */
    Response post(String path, Map<String, ?> fields) {
        if (csrf == null) {
            page("/online");
        }
        Map<String, Object> form = new HashMap<>(fields);
        form.put("csrf-token", csrf);
        Response r = request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form)
                .post(path);
        keep(r);
        return r;
    }

    /** Upload a file to a form (multipart), with this browser's CSRF token. */
    Response upload(String path, String material, String fileName, byte[] content, String claimedType) {
        Response r = request().multiPart("csrf-token", csrf).multiPart("material", material)
                .multiPart("file", fileName, content, claimedType).post(path);
        keep(r);
        return r;
    }

    void keep(Response r) {
        r.getCookies().forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                cookies.remove(k);
            } else {
                cookies.put(k, v);
            }
        });
        Matcher m = CSRF.matcher(r.asString());
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    /** Signs in: asks for a code, reads it from the outbox (admin API), types it. */
    OnlineClient signIn(String phone) {
        page("/online");
        post("/online/code", Map.of("phone", phone)).then().statusCode(200);
        Response s = post("/online/signin", Map.of("phone", phone, "code", lastCode(phone)));
        if (s.statusCode() != 303 || !cookies.containsKey("ow_applicant")) {
            throw new IllegalStateException("sign-in failed: " + s.statusCode() + " " + s.asString());
        }
        return this;
    }

    static String lastCode(String phone) {
        List<String> bodies = TestStaff.admin().queryParam("phone", phone).get("/api/online/outbox").then().statusCode(200)
                .extract().path("body");
        Matcher m = Pattern.compile("(\\d{6})").matcher(bodies.get(0));
        if (!m.find()) {
            throw new IllegalStateException("no code in " + bodies.get(0));
        }
        return m.group(1);
    }

    private static int next = 1000;

    /** A fresh mobile number per call. */
    static synchronized String phone() {
        return "139" + String.format("%08d", next++ * 7919 % 100_000_000);
    }
}
