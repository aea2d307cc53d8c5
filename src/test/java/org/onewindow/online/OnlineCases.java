package org.onewindow.online;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onewindow.testing.TestStaff;

import io.restassured.path.json.JsonPath;

/** Desk-side set-up for the online tests, through the staff API as a clerk would do it. */
final class OnlineCases {

    /** 辅助器具适配: asks for the disability certificate, which the library keeps. */
    static final String ASSISTIVE = "assistive-device";
    static final String DISABILITY = "disability-certificate";

    private OnlineCases() {
    }

    /** The answers a matter's questions need (each boolean no, each choice the first, numbers 30). */
    static Map<String, Object> answers(String matter) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            JsonPath r = given().contentType("application/json").body(Map.of("matters", List.of(matter), "answers",
                    answers)).post("/api/intake/evaluate").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> pending = r.getList("pendingQuestions");
            if (pending.isEmpty()) {
                return answers;
            }
            for (Map<String, Object> q : pending) {
                Object type = q.get("type");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> options = (List<Map<String, Object>>) q.get("options");
                answers.put((String) q.get("id"), "boolean".equals(type) ? (Object) Boolean.FALSE
                        : "number".equals(type) ? (Object) 30 : options.get(0).get("value"));
            }
        }
        throw new IllegalStateException("questions never settle for " + matter);
    }

    /** A desk application of the matter for the person, every material received, accepted: the library keeps the certificates. */
    static long acceptedAtTheDesk(String matter, String person) {
        Map<String, Object> body = Map.of("matters", List.of(matter), "answers", answers(matter),
                "applicant", Map.of("type", "person", "id", person, "name", "网办测试"));
        long id = TestStaff.clerk().contentType("application/json").body(body).post("/api/applications").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        List<String> codes = TestStaff.clerk().get("/api/applications/" + id).then().extract().path("checklist.code");
        for (String code : codes) {
            TestStaff.clerk().contentType("application/json").body(Map.of("state", "received"))
                    .put("/api/applications/" + id + "/materials/" + code).then().statusCode(200);
        }
        int version = TestStaff.clerk().get("/api/applications/" + id).then().extract().path("version");
        TestStaff.clerk().contentType("application/json").body(Map.of("version", version))
                .post("/api/applications/" + id + "/accept").then().statusCode(200);
        return id;
    }

    /** A clerk saw the person's ID card and their phone: the identity is verified for that phone. */
    static void verifyIdentity(String person, String phone) {
        TestStaff.clerk().contentType("application/json").body(Map.of("id", person, "phone", phone, "name", "网办测试"))
                .post("/api/online/identities").then().statusCode(201);
    }
}
