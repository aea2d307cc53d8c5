package org.onewindow.credit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.intake.DecisionLog;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The evaluate API credits applicants from a brief cache: a subject listed as dishonest is never
 * credited {@code good} once the listing is committed — through an import on this node (forgotten
 * before the import answers) or a change made any other way (the table's trigger, V72, notifies
 * the listening nodes).
 */
@QuarkusTest
class CreditCacheInvalidationTest {

    @Inject
    DatabaseCreditRegistry registry;

    @Inject
    DecisionLog log;

    @Inject
    DataSource dataSource;

    private static String body(String subject) {
        return "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false, \"vendingMachineOnly\": false},"
                + " \"applicant\": {\"type\": \"enterprise\", \"id\": \"" + subject + "\"}}";
    }

    /** The credit status the decision was made with, as recorded. */
    private String creditedAs(String subject) {
        long id = given().contentType("application/json").body(body(subject)).post("/api/intake/evaluate").then()
                .statusCode(200).extract().jsonPath().getLong("decisionId");
        return log.find(id).orElseThrow().situation().applicant().creditStatus();
    }

    @BeforeEach
    void listening() throws InterruptedException {
        registry.lookupRecent(TestApplicants.enterprise(), java.time.LocalDate.now()); // starts the listener
        for (int i = 0; i < 300 && registry.cacheGeneration() < 2; i++) { // it went live (an invalidation)
            Thread.sleep(100);
        }
        assertTrue(registry.cacheGeneration() >= 2, "the listener is connected");
    }

    @Test
    void aSubjectImportedAsDishonestIsBadAtOnce() {
        String subject = TestApplicants.enterprise();
        assertEquals("good", creditedAs(subject));
        assertEquals("good", creditedAs(subject)); // now from the cache
        String csv = "subject,list,from,to,source\n" + subject + ",失信被执行人名单,2026-01-01,,缓存测试 " + subject + "\n";
        TestStaff.admin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/credit/imports").then().statusCode(201);
        assertEquals("bad", creditedAs(subject), "the import's answer came after this node forgot what it knew");
    }

    @Test
    void aListingWrittenByHandIsHeardThroughTheTrigger() throws Exception {
        String subject = TestApplicants.enterprise();
        assertEquals("good", creditedAs(subject));
        long before = registry.cacheGeneration();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                WITH i AS (INSERT INTO credit_import (source, rows_imported, imported_by, imported_at)
                           VALUES ('by hand', 1, 'test', now()) RETURNING id)
                INSERT INTO credit_listing (import_id, subject_id, list_name, listed_from, source)
                SELECT i.id, ?, '失信被执行人名单', DATE '2026-01-01', 'by hand' FROM i
                """)) {
            ps.setString(1, subject);
            ps.executeUpdate();
        }
        for (int i = 0; i < 300 && registry.cacheGeneration() == before; i++) {
            Thread.sleep(100);
        }
        assertTrue(registry.cacheGeneration() > before, "the database told this node");
        assertEquals("bad", creditedAs(subject));
    }
}
