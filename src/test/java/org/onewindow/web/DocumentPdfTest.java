package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The desk's documents as real PDFs: read back with PDFBox, they carry the Chinese text of the
 * receipt, the tolerance notice with the commitment, the one-time notice and the pickup slip, and
 * every font they use is embedded (so they print the same anywhere).
 */
@QuarkusTest
class DocumentPdfTest {

    /** A clerk's page session: the login form with its CSRF token, as a browser sends it. */
    private static Map<String, String> clerkSession() {
        TestStaff.ensure();
        Response page = given().get("/login");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"")
                .matcher(page.asString());
        org.junit.jupiter.api.Assertions.assertTrue(token.find(), "the login form carries a CSRF token");
        Response login = given().redirects().follow(false).cookie("ow_csrf", page.getCookie("ow_csrf"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token.group(1))
                .formParam("j_username", TestStaff.CLERK).formParam("j_password", TestStaff.PASSWORD).post("/login");
        return Map.of("ow_session", login.getCookie("ow_session"));
    }

    private static long foodLicence(String enterprise, List<String> missing) {
        Map<String, Object> body = Map.of("matters", List.of("food-business-licence"), "answers",
                Map.of("agent", false, "vendingMachineOnly", false),
                "applicant", Map.of("type", "enterprise", "id", enterprise, "name", "城关小厨餐饮有限公司"));
        long id = TestStaff.clerk().contentType("application/json").body(body).post("/api/applications").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        List<String> codes = TestStaff.clerk().get("/api/applications/" + id).then().extract().path("checklist.code");
        for (String code : codes) {
            TestStaff.clerk().contentType("application/json").body(Map.of("state", missing.contains(code) ? "missing"
                    : "received")).put("/api/applications/" + id + "/materials/" + code).then().statusCode(200);
        }
        return id;
    }

    private static int version(long id) {
        return TestStaff.admin().get("/api/applications/" + id).then().extract().path("version");
    }

    private static String text(byte[] pdf, List<String> notEmbedded) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        notEmbedded.add(font.getName());
                    }
                }
            }
            return new PDFTextStripper().getText(doc);
        }
    }

    private static byte[] pdf(Map<String, String> session, long id, String kind) {
        Response r = given().cookies(session).get("/clerk/applications/" + id + "/pdf/" + kind);
        assertEquals(200, r.statusCode(), kind + ": " + r.asString());
        assertEquals("application/pdf", r.contentType());
        byte[] bytes = r.asByteArray();
        assertEquals("%PDF-", new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        return bytes;
    }

    @Test
    void receiptsAndNoticesArePdfsWithChineseTextAndEmbeddedFonts() throws IOException {
        Map<String, String> session = clerkSession();
        long id = foodLicence(TestApplicants.enterprise(), List.of("food-safety-rules"));
        TestStaff.clerk().contentType("application/json").body(Map.of("version", version(id)))
                .post("/api/applications/" + id + "/accept").then().statusCode(200);
        String number = TestStaff.clerk().get("/api/applications/" + id).then().extract().path("number");
        List<String> notEmbedded = new ArrayList<>();

        String receipt = text(pdf(session, id, "receipt"), notEmbedded);
        assertTrue(receipt.contains("受理通知书"), receipt);
        assertTrue(receipt.contains(number), receipt);
        assertTrue(receipt.contains("城关小厨餐饮有限公司"), receipt);
        assertTrue(receipt.contains("食品经营许可"), receipt);

        String tolerance = text(pdf(session, id, "tolerance"), notEmbedded);
        assertTrue(tolerance.contains("容缺受理通知书"), tolerance);
        assertTrue(tolerance.contains("容缺受理承诺书"), tolerance);
        assertTrue(tolerance.contains("食品安全"), "the material to follow: " + tolerance);

        String english = text(given().cookies(session).get("/clerk/applications/" + id + "/pdf/receipt?lang=en")
                .asByteArray(), notEmbedded);
        assertTrue(english.contains("Receipt") || english.contains("Acceptance"), english);

        // the one-time notice of an application that cannot be accepted
        long incomplete = foodLicence(TestApplicants.enterprise(), List.of("food-business-application"));
        String notice = text(pdf(session, incomplete, "notice"), notEmbedded);
        assertTrue(notice.contains("一次性告知书"), notice);
        assertTrue(notice.contains("食品经营许可申请书"), "the missing key material is listed: " + notice);

        // the pickup slip, once the department has decided
        TestStaff.clerk().contentType("application/json").body(Map.of("state", "received"))
                .put("/api/applications/" + id + "/materials/food-safety-rules").then().statusCode(200);
        TestStaff.admin().contentType("application/json").body(Map.of("version", version(id), "decision", "approve"))
                .post("/api/applications/" + id + "/departments/xzspj/decision").then().statusCode(200);
        String pickup = text(pdf(session, id, "pickup"), notEmbedded);
        assertTrue(pickup.contains("办结出件单"), pickup);
        assertTrue(pickup.contains("准予"), pickup);

        assertTrue(notEmbedded.isEmpty(), "fonts not embedded: " + notEmbedded);
        // a document the application does not have yet is a 404, a kind that does not exist too
        given().cookies(session).get("/clerk/applications/" + incomplete + "/pdf/receipt").then().statusCode(404);
        given().cookies(session).get("/clerk/applications/" + id + "/pdf/letter").then().statusCode(404);
    }
}
