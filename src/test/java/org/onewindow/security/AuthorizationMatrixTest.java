package org.onewindow.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestStaff;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint and page against every role, compared with one table kept in the repository
 * (src/test/resources/authorization-matrix.csv). The endpoints are generated: the API from
 * /q/openapi, the pages from the JAX-RS resources hidden from it — so an endpoint added without a
 * row in the table fails the build, and so does a row whose endpoint is gone. Each role sends the
 * same minimal request (path parameters from fixtures, an empty JSON object or form with a valid
 * CSRF token): the status then shows who gets in (2xx/3xx/4xx from the endpoint itself) and who is
 * stopped (401, 403, or 302 to the login page).
 * <p>
 * Roles: anonymous, clerk, reviewer of department A (scjg) and of department B (tax), supervisor
 * (a clerk until issue 12 adds the role), policy, tester, admin. A mismatch prints the whole actual
 * table, to compare with the file.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final Path TABLE = Path.of("src/test/resources/authorization-matrix.csv");
    static final List<String> ROLES = List.of("anonymous", "clerk", "reviewer_a", "reviewer_b", "supervisor", "policy",
            "tester", "admin");
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    record Endpoint(String method, String path, boolean page) {
        String key() {
            return method + " " + path;
        }
    }

    /** A role's ways in: its Basic credentials for the API, its session and token for the pages. */
    record Caller(String role, String username, String password, String session, String csrfCookie, String token) {
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheTableSays() throws Exception {
        TestStaff.ensure();
        Map<String, String> fixtures = fixtures();
        List<Endpoint> endpoints = endpoints();
        Map<String, Map<String, String>> expected = read();

        List<String> missing = endpoints.stream().map(Endpoint::key).filter(k -> !expected.containsKey(k)).toList();
        List<String> gone = expected.keySet().stream().filter(k -> endpoints.stream().noneMatch(e -> e.key().equals(k)))
                .toList();

        Map<String, Map<String, String>> actual = new LinkedHashMap<>();
        for (String role : ROLES) {
            Caller caller = caller(role);
            for (Endpoint e : endpoints) {
                actual.computeIfAbsent(e.key(), k -> new LinkedHashMap<>()).put(role,
                        Integer.toString(send(caller, e, fixtures).statusCode()));
            }
        }
        List<String> differences = new ArrayList<>();
        actual.forEach((key, byRole) -> {
            Map<String, String> want = expected.get(key);
            if (want != null) {
                byRole.forEach((role, status) -> {
                    if (!status.equals(want.get(role))) {
                        differences.add(key + " as " + role + ": expected " + want.get(role) + ", got " + status);
                    }
                });
            }
        });
        if (!missing.isEmpty() || !gone.isEmpty() || !differences.isEmpty()) {
            fail("authorization matrix differs from " + TABLE + "\nendpoints without a row: " + missing
                    + "\nrows without an endpoint: " + gone + "\n" + String.join("\n", differences)
                    + "\n\nactual table:\n" + render(actual));
        }
        assertTrue(endpoints.size() > 40, "found " + endpoints.size() + " endpoints");
    }

    // --- the endpoints ------------------------------------------------------------------------

    static List<Endpoint> endpoints() throws ClassNotFoundException {
        TreeSet<String> seen = new TreeSet<>();
        List<Endpoint> list = new ArrayList<>();
        Map<String, Object> paths = given().get("/q/openapi?format=json").jsonPath().getMap("paths");
        paths.forEach((path, operations) -> ((Map<?, ?>) operations).keySet().forEach(method -> {
            String m = method.toString().toUpperCase();
            if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(m) && seen.add(m + " " + path)) {
                list.add(new Endpoint(m, path, false));
            }
        }));
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.onewindow.web")) {
            Class<?> resource = Class.forName(type.getName(), false, AuthorizationMatrixTest.class.getClassLoader());
            jakarta.ws.rs.Path base = resource.getAnnotation(jakarta.ws.rs.Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                Operation operation = method.getAnnotation(Operation.class);
                if (verb == null || operation == null || !operation.hidden()) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path = join(base.value(), sub == null ? "" : sub.value());
                if (seen.add(verb + " " + path)) {
                    list.add(new Endpoint(verb, path, true));
                }
            }
        }
        // logging out ends the caller's session: last
        list.sort(Comparator.comparing((Endpoint e) -> e.path().startsWith("/logout")).thenComparing(Endpoint::key));
        return list;
    }

    private static String verb(Method method) {
        return method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    // --- the callers ------------------------------------------------------------------------

    private static Caller caller(String role) {
        String username = switch (role) {
            case "anonymous" -> null;
            case "clerk" -> TestStaff.CLERK;
            case "reviewer_a" -> TestStaff.REVIEWER;
            case "reviewer_b" -> TestStaff.TAX_REVIEWER;
            case "supervisor" -> "matrix-supervisor";
            case "policy" -> "matrix-policy";
            case "tester" -> TestStaff.TESTER;
            case "admin" -> "admin";
            default -> throw new IllegalArgumentException(role);
        };
        String password = "admin".equals(username) ? TestStaff.ADMIN_PASSWORD : TestStaff.PASSWORD;
        Response loginPage = given().get("/login");
        String csrfCookie = loginPage.getCookie("ow_csrf");
        String token = token(loginPage.asString());
        if (username == null) {
            return new Caller(role, null, null, null, csrfCookie, token);
        }
        Response login = given().redirects().follow(false).cookie("ow_csrf", csrfCookie).formParam("csrf-token", token)
                .formParam("j_username", username).formParam("j_password", password).post("/login");
        assertEquals(303, login.statusCode(), role + " logs in");
        String session = login.getCookie("ow_session");
        String staffToken = token(given().cookie("ow_session", session).get("/account/password").asString());
        return new Caller(role, username, password, session, csrfCookie, staffToken);
    }

    private static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertTrue(m.find(), "a CSRF token on the page");
        return m.group(1);
    }

    private static Response send(Caller caller, Endpoint e, Map<String, String> fixtures) {
        String path = fill(e.path(), fixtures);
        RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(false);
        if (e.page()) {
            request.cookie("ow_csrf", caller.csrfCookie());
            if (caller.session() != null) {
                request.cookie("ow_session", caller.session());
            }
            if (!e.method().equals("GET")) {
                request.contentType("application/x-www-form-urlencoded").formParam("csrf-token", caller.token());
                if (e.path().equals("/login")) {
                    request.formParam("j_username", caller.username() == null ? "nobody-at-all" : caller.username())
                            .formParam("j_password", caller.password() == null ? "no-password-here" : caller.password());
                }
            }
        } else {
            if (caller.username() != null) {
                request.auth().preemptive().basic(caller.username(), caller.password());
            }
            if (e.path().endsWith("/departments/{department}/decision")) {
                // a stale version: the department's own reviewer gets past the department check and is told
                // the version moved (409, nothing changes); another department's reviewer is stopped (403)
                request.contentType("application/json").body("{\"version\": " + (Integer.parseInt(fixtures.get("version")) - 1)
                        + ", \"decision\": \"reject\", \"reason\": \"matrix\"}");
            } else if (e.path().equals("/api/credit/imports")) {
                request.contentType("text/csv; charset=UTF-8").body("subject,list,from,to,source\n");
            } else if (e.path().equals("/api/scenarios/import")) {
                request.contentType("text/csv").body("name,matters\nx,food-business-licence\n");
            } else if (!e.method().equals("GET")) {
                request.contentType("application/json").body("{}");
            }
        }
        return request.request(e.method(), path);
    }

    private static String fill(String template, Map<String, String> fixtures) {
        String path = template;
        if (path.startsWith("/api/events/") || path.startsWith("/api/matters/") || path.startsWith("/matter/")) {
            path = path.replace("{code}", fixtures.get(path.startsWith("/api/events/") ? "event" : "matter"));
        }
        if (path.startsWith("/api/decision-records/")) {
            path = path.replace("{id}", fixtures.get("record"));
        }
        for (Map.Entry<String, String> f : fixtures.entrySet()) {
            path = path.replace("{" + f.getKey() + "}", f.getValue());
        }
        return path;
    }

    /** An accepted application with a task for department A (xzspj), a recorded decision, a target account. */
    private static Map<String, String> fixtures() {
        for (String[] user : new String[][] {{"matrix-supervisor", "supervisor"}, {"matrix-policy", "policy"},
                {"matrix-target", "tester"}}) {
            TestStaff.admin().contentType("application/json").body(Map.of("username", user[0], "password",
                    TestStaff.PASSWORD, "name", "矩阵测试", "roles", List.of(user[1]))).post("/api/staff");
        }
        String body = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, "
                + "\"vendingMachineOnly\": false}, \"applicant\": {\"type\": \"enterprise\", \"id\": \""
                + TestApplicants.enterprise() + "\", \"creditStatus\": \"good\"}}";
        long id = TestStaff.clerk().contentType("application/json").body(body).post("/api/applications").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        int version = 0;
        for (String code : List.of("food-business-application", "business-licence", "food-facility-layout",
                "food-safety-rules")) {
            version = TestStaff.clerk().contentType("application/json").body("{\"state\": \"received\"}")
                    .put("/api/applications/" + id + "/materials/" + code).then().statusCode(200).extract().path("version");
        }
        int accepted = TestStaff.clerk().contentType("application/json").body("{\"version\": " + version + "}")
                .post("/api/applications/" + id + "/accept").then().statusCode(200).extract().path("version");
        io.restassured.path.json.JsonPath evaluated = given().contentType("application/json")
                .body("{\"matters\": [\"food-business-licence\"]}").post("/api/intake/evaluate").then().statusCode(200)
                .extract().jsonPath();
        String reference = evaluated.getString("reference");
        Map<String, String> fixtures = new LinkedHashMap<>();
        fixtures.put("id", Long.toString(id));
        // a decision record's {id} is its own number, not the application's (they coincided only by test order)
        fixtures.put("record", Long.toString(evaluated.getLong("decisionId")));
        fixtures.put("matter", "food-business-licence");
        fixtures.put("event", given().get("/api/events").jsonPath().getString("[0].code"));
        fixtures.put("code", "business-licence");
        fixtures.put("department", "xzspj"); // the food licence is the 行政审批局's (TestStaff.REVIEWER)
        fixtures.put("reference", reference);
        fixtures.put("modelName", "ticket-pricing");
        fixtures.put("file", "completeness.yaml");
        fixtures.put("username", "matrix-target");
        fixtures.put("kind", "receipt");
        fixtures.put("version", Integer.toString(accepted));
        // the first override, escalation and follow-up of the fixture application (none exists: 404 past the role check)
        fixtures.put("n", "1");
        fixtures.put("subject", TestApplicants.enterprise());
        fixtures.put("number", "X-0000");
        fixtures.put("decisionId", "1");
        fixtures.put("decision", "approve");
        return fixtures;
    }

    // --- the table ----------------------------------------------------------------------------

    static Map<String, Map<String, String>> read() throws IOException {
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
        List<String> header = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(line.split(",", -1));
            if (header == null) {
                header = cells;
                assertEquals(List.of("method", "path"), header.subList(0, 2), "the table's header");
                assertEquals(ROLES, header.subList(2, header.size()), "one column per role");
                continue;
            }
            Map<String, String> byRole = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                byRole.put(ROLES.get(i), cells.get(i + 2).strip());
            }
            assertTrue(table.put(cells.get(0).strip() + " " + cells.get(1).strip(), byRole) == null, "one row per endpoint: " + line);
        }
        return table;
    }

    private static String render(Map<String, Map<String, String>> actual) {
        StringBuilder out = new StringBuilder("method,path," + String.join(",", ROLES) + "\n");
        actual.forEach((key, byRole) -> out.append(key.replaceFirst(" ", ",")).append(',')
                .append(String.join(",", byRole.values())).append('\n'));
        return out.toString();
    }
}
