package org.onewindow.guide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The knowledge base that ships in the repository loads without a single problem. */
class ShippedKnowledgeBaseTest {

    @Test
    void shippedKnowledgeBaseLoadsCleanly() {
        Catalogue catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        assertTrue(catalogue.matters().size() >= 1, "matters loaded");
    }
}
