package org.onewindow.decision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.testing.TestFiles;

/**
 * The head-start compile of the rule set served last: it is handed over only for exactly the files
 * it compiled (a version published while the node was down, a reordered, shortened or extended file
 * set all get nothing and are compiled as usual), once; a first start compiles the rules folder; a
 * damaged or missing remembered file and a failed compile give no head start.
 */
class SpeculativeRuleSetTest {

    @TempDir
    Path rules;

    @TempDir
    Path cache;

    private Map<String, byte[]> served;

    @BeforeEach
    void servedFiles() throws IOException {
        SpeculativeRuleSet.discard();
        TestFiles.copyShippedRules(rules);
        served = RuleFiles.read(rules);
    }

    @AfterEach
    void dropHeadStart() {
        SpeculativeRuleSet.discard();
    }

    @Test
    void onlyExactlyTheRememberedFilesGetTheEarlyRuleSetAndOnlyOnce() throws IOException {
        SpeculativeRuleSet.remember(cache, served);
        assertTrue(SpeculativeRuleSet.remembers(RuleSetCompiler.hash(served)));
        SpeculativeRuleSet.start(cache);

        // a version published while this node was down: one DMN file differs by one character
        Map<String, byte[]> published = copy(served);
        String dmn = RuleFiles.dmn(published).get(0);
        published.put(dmn, new String(published.get(dmn), StandardCharsets.UTF_8)
                .replaceFirst("</definitions>", "<!-- edited --></definitions>").getBytes(StandardCharsets.UTF_8));
        assertTrue(SpeculativeRuleSet.take(published).isEmpty(), "changed content is never served from the early compile");
        RuleSet compiledAsUsual = new RuleSetCompiler().compile(published);
        assertNotEquals(RuleSetCompiler.hash(served), compiledAsUsual.version().version());

        Map<String, byte[]> reordered = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(served.keySet());
        java.util.Collections.reverse(paths);
        paths.forEach(p -> reordered.put(p, served.get(p)));
        assertTrue(SpeculativeRuleSet.take(reordered).isEmpty(), "another order (another version list) is not the same");
        Map<String, byte[]> fewer = copy(served);
        fewer.remove(paths.get(0));
        assertTrue(SpeculativeRuleSet.take(fewer).isEmpty());
        Map<String, byte[]> more = copy(served);
        more.put("extra.drl", "package org.onewindow.rules;\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(SpeculativeRuleSet.take(more).isEmpty());

        RuleSet early = SpeculativeRuleSet.take(copy(served)).orElseThrow(() -> new AssertionError("the same bytes get the head start"));
        RuleSet fresh = new RuleSetCompiler().compile(served);
        assertEquals(fresh.version().version(), early.version().version());
        assertEquals(fresh.version().files(), early.version().files());
        assertEquals(fresh.models().stream().map(m -> m.getName()).toList(), early.models().stream().map(m -> m.getName()).toList());
        assertEquals(fresh.tables().size(), early.tables().size());
        assertEquals(fresh.drlRules().orElseThrow().ruleReferences(), early.drlRules().orElseThrow().ruleReferences());
        for (String path : served.keySet()) {
            assertArrayEquals(served.get(path), early.files().get(path), path);
        }
        assertTrue(SpeculativeRuleSet.take(served).isEmpty(), "handed over once");
    }

    @Test
    void aFirstStartCompilesTheRulesFolderAndALaterStartOnlyWhatWasRemembered() throws IOException {
        String before = System.getProperty("onewindow.rules.dir");
        System.setProperty("onewindow.rules.dir", rules.toString());
        try {
            new SpeculativeRuleSet.Begin().begin(cache, false);
            assertTrue(SpeculativeRuleSet.take(served).isEmpty(), "a later start with nothing remembered has no head start");

            new SpeculativeRuleSet.Begin().begin(cache, true);
            RuleSet seeded = SpeculativeRuleSet.take(RuleFiles.read(rules)).orElseThrow(
                    () -> new AssertionError("a new database seeds from the rules folder, compiled early"));
            assertEquals(RuleSetCompiler.hash(served), seeded.version().version());
        } finally {
            if (before == null) {
                System.clearProperty("onewindow.rules.dir");
            } else {
                System.setProperty("onewindow.rules.dir", before);
            }
        }
    }

    @Test
    void aDroppedHeadStartIsNotServedLater() throws IOException {
        SpeculativeRuleSet.remember(cache, served);
        SpeculativeRuleSet.start(cache);
        SpeculativeRuleSet.discard();
        assertTrue(SpeculativeRuleSet.take(served).isEmpty());
    }

    @Test
    void aMissingOrDamagedRememberedFileGivesNoHeadStart() throws IOException {
        SpeculativeRuleSet.start(cache);
        assertTrue(SpeculativeRuleSet.take(served).isEmpty(), "nothing remembered");

        SpeculativeRuleSet.remember(cache, served);
        Path file = cache.resolve(SpeculativeRuleSet.FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        SpeculativeRuleSet.start(cache);
        assertTrue(SpeculativeRuleSet.take(served).isEmpty(), "a flipped byte: not used");

        Files.write(file, new byte[0]);
        SpeculativeRuleSet.start(cache);
        assertTrue(SpeculativeRuleSet.take(served).isEmpty(), "empty: not used");
    }

    @Test
    void theRememberedFilesReadBackAsWritten() throws IOException {
        Map<String, byte[]> back = SpeculativeRuleSet.decode(SpeculativeRuleSet.encode(served));
        assertTrue(SpeculativeRuleSet.sameFiles(served, back));
        assertEquals(List.copyOf(served.keySet()), List.copyOf(back.keySet()));
        byte[] encoded = SpeculativeRuleSet.encode(served);
        assertThrows(IOException.class, () -> SpeculativeRuleSet.decode(java.util.Arrays.copyOf(encoded, encoded.length - 1)));
    }

    @Test
    void aFailedEarlyCompileIsNotServed() throws IOException {
        Map<String, byte[]> broken = copy(served);
        broken.put("completeness.drl", (new String(served.get("completeness.drl"), StandardCharsets.UTF_8)
                + "\nrule \"broken\" when this is not drl then end\n").getBytes(StandardCharsets.UTF_8));
        SpeculativeRuleSet.remember(cache, broken);
        SpeculativeRuleSet.start(cache);
        assertTrue(SpeculativeRuleSet.take(broken).isEmpty(), "the caller compiles and reports the problems itself");
        RuleSetCompilationException e = assertThrows(RuleSetCompilationException.class, () -> new RuleSetCompiler().compile(broken));
        assertFalse(e.problems().isEmpty());
    }

    private static Map<String, byte[]> copy(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }
}
