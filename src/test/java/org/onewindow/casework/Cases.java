package org.onewindow.casework;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onewindow.testing.TestStaff;

import io.restassured.path.json.JsonPath;

/**
 * Applications in a given state for the integrity tests, through the API as a clerk would make
 * them. The disability certificate (残疾人证, 15 promised working days) asks for a photo that is
 * neither a key material nor on the tolerance list: the one kind of gap an override may bridge.
 */
final class Cases {

    static final String DISABILITY = "disability-certificate";
    static final String PHOTO = "photo";

    private Cases() {
    }

    /** The answers the matter's questions need, found by asking the rules (each boolean no, each choice the first). */
    static Map<String, Object> answers(String matter, String applicant) {
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
                        : "number".equals(type) ? (Object) 1 : options.get(0).get("value"));
            }
        }
        throw new IllegalStateException("questions never settle for " + matter);
    }

    static JsonPath create(String matter, String type, String applicant, String clerk) {
        Map<String, Object> body = Map.of("matters", List.of(matter), "answers", answers(matter, applicant),
                "applicant", Map.of("type", type, "id", applicant, "name", "测试申请人", "creditStatus", "good"));
        return TestStaff.as(clerk).contentType("application/json").body(body).post("/api/applications").then()
                .statusCode(201).extract().jsonPath();
    }

    /** Every item received except {@code missing}. */
    static void checkIn(long id, String clerk, List<String> missing) {
        List<String> codes = TestStaff.as(clerk).get("/api/applications/" + id).then().extract().path("checklist.code");
        for (String code : codes) {
            TestStaff.as(clerk).contentType("application/json").body(Map.of("state", missing.contains(code) ? "missing"
                    : "received")).put("/api/applications/" + id + "/materials/" + code).then().statusCode(200);
        }
    }

    static int version(long id) {
        return TestStaff.admin().get("/api/applications/" + id).then().statusCode(200).extract().path("version");
    }

    static io.restassured.response.Response propose(long id, String clerk) {
        return TestStaff.as(clerk).contentType("application/json").body(Map.of("version", version(id), "reason",
                "verified-electronically", "note", "照片已从公安人口库调取", "basis", "区政务办〔2026〕12号 数据共享核验办法"))
                .post("/api/applications/" + id + "/overrides");
    }

    /** Imports a dishonest-subject list naming {@code subject} (the source is unique per call: nothing else is replaced). */
    static void listAsDishonest(String subject) {
        String csv = "subject,list,from,to,source\n" + subject + ",失信被执行人名单,2026-01-01,,测试法院 " + subject + "\n";
        TestStaff.admin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/credit/imports").then().statusCode(201);
    }
}
