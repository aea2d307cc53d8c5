package org.onewindow.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
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
        long broken = PublishedElsewhere.publish(dataSource, VERSION, "broken", today, java.util.Map.of("tolerance-policy.dmn",
                "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"/>".getBytes(StandardCharsets.UTF_8)),
                "published by another build");
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
            PublishedElsewhere.remove(dataSource, broken, VERSION);
            timeline.refresh();
        }
        given().get("/api/rules").then().body("lastProblems", equalTo(java.util.List.of()))
                .body("serving.id", equalTo((int) serving));
    }
}
