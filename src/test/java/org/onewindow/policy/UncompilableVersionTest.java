package org.onewindow.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.onewindow.decision.RuleSetRegistry;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A node that cannot compile a published version — written straight into the database here, as a
 * newer build of another node might have published it — keeps serving the version before it and
 * says so in {@code GET /api/rules} and in readiness; once the version is gone the problem is too.
 */
@QuarkusTest
class UncompilableVersionTest {

    private static final String VERSION = "uncompilable-0001";

    @Inject
    DataSource dataSource;

    @Inject
    RuleSetTimeline timeline;

    @Inject
    RuleSetRegistry registry;

    @Test
    void theVersionBeforeKeepsServingAndTheNodeSaysSo() throws Exception {
        timeline.refresh();
        long serving = registry.current().version().id();
        String servingVersion = registry.current().version().version();
        LocalDate today = registry.today();
        long broken;
        try (Connection c = dataSource.getConnection()) {
            execute(c, "INSERT INTO rule_set_version (version, name, effective_from, files) VALUES (?, 'broken', ?, "
                    + "'tolerance-policy.dmn')", VERSION, java.sql.Date.valueOf(today));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_set_file (version, path, content) "
                    + "VALUES (?, 'tolerance-policy.dmn', ?)")) {
                ps.setString(1, VERSION);
                ps.setBytes(2, "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"/>"
                        .getBytes(StandardCharsets.UTF_8));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_set_release (status, version, "
                    + "effective_from, author, last_editor, published_by, published_at, comment) VALUES ('active', ?, ?, "
                    + "'elsewhere', 'elsewhere', 'elsewhere', now(), 'published by another build') RETURNING id")) {
                ps.setString(1, VERSION);
                ps.setDate(2, java.sql.Date.valueOf(today));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    broken = rs.getLong(1);
                }
            }
        }
        try {
            timeline.refresh();
            given().get("/api/rules").then().statusCode(200)
                    .body("serving.id", equalTo((int) serving))
                    .body("serving.version", equalTo(servingVersion))
                    .body("timeline.id", not(hasItem((int) broken)))
                    .body("lastProblems.reason", hasItem(containsString("version " + broken + " (" + VERSION
                            + ") does not compile on this node")));
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'rule-set' }.data.problems", containsString("does not compile"));
            given().contentType("application/json").body("{\"matters\": [\"food-business-licence\"]}")
                    .post("/api/intake/evaluate").then().statusCode(200).body("ruleSet.id", equalTo((int) serving));
        } finally {
            try (Connection c = dataSource.getConnection()) {
                execute(c, "DELETE FROM rule_set_audit WHERE release_id = ?", broken);
                execute(c, "DELETE FROM rule_set_release WHERE id = ?", broken);
                execute(c, "DELETE FROM rule_set_file WHERE version = ?", VERSION);
                execute(c, "DELETE FROM rule_set_version WHERE version = ?", VERSION);
            }
            timeline.refresh();
        }
        given().get("/api/rules").then().body("lastProblems", equalTo(java.util.List.of()))
                .body("serving.id", equalTo((int) serving));
    }

    private static void execute(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
