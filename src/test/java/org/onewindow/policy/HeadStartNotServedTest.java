package org.onewindow.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.decision.RuleFiles;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.decision.RuleSetRegistry;
import org.onewindow.decision.RuleSetVersionStore;
import org.onewindow.decision.SpeculativeRuleSet;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The rule-set head start never serves a version it did not compile: here the node "comes back"
 * with a head start for the version it served before, while another version — one comment
 * different — was published in the meantime (written straight into the database, as another node
 * would). The timeline compiles and serves the published version, and the head start stays unused.
 */
@QuarkusTest
class HeadStartNotServedTest {

    @Inject
    DataSource dataSource;

    @Inject
    RuleSetTimeline timeline;

    @Inject
    RuleSetRegistry registry;

    @Inject
    RuleSetVersionStore versions;

    @TempDir
    Path cache;

    @Test
    void aVersionPublishedWhileTheNodeWasDownIsCompiledFromItsOwnFiles() throws Exception {
        timeline.refresh();
        String before = registry.current().version().version();
        long beforeId = registry.current().version().id();
        Map<String, byte[]> served = versions.files(before).orElseThrow();

        // the head start of a restart: the files served last, remembered and compiled from the first moment
        SpeculativeRuleSet.remember(cache.resolve("rules"), served);
        new SpeculativeRuleSet.Begin().begin(cache, false);

        Map<String, byte[]> published = new LinkedHashMap<>(served);
        String dmn = RuleFiles.dmn(published).get(0);
        published.put(dmn, new String(served.get(dmn), StandardCharsets.UTF_8)
                .replaceFirst("</definitions>", "<!-- published while the node was down --></definitions>")
                .getBytes(StandardCharsets.UTF_8));
        String version = RuleSetCompiler.hash(published);
        assertNotEquals(before, version);
        LocalDate today = registry.today();
        long id = PublishedElsewhere.publish(dataSource, version, "while down", today, published,
                "published while this node was down");
        try {
            timeline.refresh();
            assertEquals(version, registry.current().version().version(), "the published version serves, not the head start");
            // (read-only: a decision made now would pin the release in decision_record, and the test removes it)
            given().get("/api/rules").then().statusCode(200)
                    .body("serving.version", equalTo(version)).body("serving.id", equalTo((int) id));
            assertTrue(SpeculativeRuleSet.take(served).isPresent(), "the head start was left untouched by the other version");
        } finally {
            SpeculativeRuleSet.discard();
            PublishedElsewhere.remove(dataSource, id, version);
            timeline.refresh();
        }
        assertEquals(beforeId, registry.current().version().id());
    }
}
