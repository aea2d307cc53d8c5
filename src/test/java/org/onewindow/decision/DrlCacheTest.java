package org.onewindow.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.decision.facts.ChecklistItem;
import org.onewindow.decision.units.CompletenessCheck;

/**
 * The compiled-DRL cache: a second compile of the same rules loads the stored build and behaves
 * the same; any change of a DRL file builds afresh; a damaged, partial or unloadable entry is
 * ignored and replaced by a fresh build; a DRL that does not compile is never cached; only the
 * most recently used builds are kept.
 */
class DrlCacheTest {

    @TempDir
    Path rules;

    @TempDir
    Path cacheDir;

    @Test
    void theSameRulesLoadTheStoredBuildAndFireAlike() throws IOException {
        org.onewindow.testing.TestFiles.copyShippedRules(rules);
        DrlCache cache = DrlCache.in(cacheDir);
        assertTrue(cache.enabled(), "the test's classes can be identified");

        RuleSet built = new RuleSetCompiler(cache).compile(rules);
        Path entry = onlyEntry();
        Object stored = identity(entry);

        RuleSet loaded = new RuleSetCompiler(cache).compile(rules);
        assertEquals(stored, identity(entry), "the second compile read the entry, it did not build and store again");
        assertEquals(built.version().version(), loaded.version().version());
        DrlRules a = built.drlRules().orElseThrow();
        DrlRules b = loaded.drlRules().orElseThrow();
        assertEquals(a.ruleReferences(), b.ruleReferences());
        assertEquals(a.rule("CompletenessCheck#complete"), b.rule("CompletenessCheck#complete"), "reasons and basis kept");
        for (boolean tolerable : List.of(true, false)) {
            assertEquals(names(a.fire(missing(tolerable))), names(b.fire(missing(tolerable))));
        }
        assertEquals(List.of("only-tolerable-missing"), names(b.fire(missing(true))));
        assertEquals(List.of("missing-not-tolerable"), names(b.fire(missing(false))));
    }

    @Test
    void aChangedRuleFileBuildsAfresh() throws IOException {
        org.onewindow.testing.TestFiles.copyShippedRules(rules);
        DrlCache cache = DrlCache.in(cacheDir);
        new RuleSetCompiler(cache).compile(rules);
        Path first = onlyEntry();

        Path drl = rules.resolve("completeness.drl");
        Files.writeString(drl, Files.readString(drl).replace("rule \"complete\"", "rule \"all-present\""));
        RuleSet changed = new RuleSetCompiler(cache).compile(rules);

        List<String> references = changed.drlRules().orElseThrow().ruleReferences();
        assertTrue(references.contains("CompletenessCheck#all-present"), references.toString());
        assertFalse(references.contains("CompletenessCheck#complete"), references.toString());
        assertEquals(List.of("all-present"), names(changed.drlRules().orElseThrow().fire(new CompletenessCheck())));
        assertEquals(2, entries().size(), "a second entry for the changed rules");
        assertTrue(Files.exists(first));

        // a comment-only change is a change too: never guessed equal
        Files.writeString(drl, Files.readString(drl) + "\n// edited\n");
        new RuleSetCompiler(cache).compile(rules);
        assertEquals(3, entries().size());
    }

    @Test
    void aDamagedEntryIsIgnoredAndRebuilt() throws IOException {
        org.onewindow.testing.TestFiles.copyShippedRules(rules);
        DrlCache cache = DrlCache.in(cacheDir);
        List<String> expected = new RuleSetCompiler(cache).compile(rules).drlRules().orElseThrow().ruleReferences();
        Path entry = onlyEntry();
        byte[] good = Files.readAllBytes(entry);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x5a;
        Files.write(entry, flipped);
        assertEquals(expected, new RuleSetCompiler(cache).compile(rules).drlRules().orElseThrow().ruleReferences());
        assertEquals(List.of(entry), entries());
        assertFalse(java.util.Arrays.equals(flipped, Files.readAllBytes(entry)), "replaced by a fresh build");
        assertTrue(cache.read(key(entry)) != null, "the replacement is intact");

        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 3)); // a write cut short
        assertEquals(expected, new RuleSetCompiler(cache).compile(rules).drlRules().orElseThrow().ruleReferences());
        assertTrue(cache.read(key(entry)) != null);

        Files.write(entry, new byte[0]);
        assertEquals(expected, new RuleSetCompiler(cache).compile(rules).drlRules().orElseThrow().ruleReferences());
        assertTrue(cache.read(key(entry)) != null);
    }

    @Test
    void anIntactEntryThatIsNotABuildIsIgnoredAndRebuilt() throws IOException {
        org.onewindow.testing.TestFiles.copyShippedRules(rules);
        DrlCache cache = DrlCache.in(cacheDir);
        List<String> expected = new RuleSetCompiler(cache).compile(rules).drlRules().orElseThrow().ruleReferences();
        Path entry = onlyEntry();
        String key = key(entry);
        cache.write(key, "not a kjar".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(expected, new RuleSetCompiler(cache).compile(rules).drlRules().orElseThrow().ruleReferences());
        assertNotEquals("not a kjar", new String(cache.read(key), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aDrlThatDoesNotCompileIsReportedEveryTimeAndNeverCached() throws IOException {
        org.onewindow.testing.TestFiles.copyShippedRules(rules);
        Files.writeString(rules.resolve("broken.drl"), "package x;\n\nrule \"r\"\nwhen\n  String( length > )\nthen\nend\n");
        DrlCache cache = DrlCache.in(cacheDir);
        for (int i = 0; i < 2; i++) {
            RuleSetCompilationException e = assertThrows(RuleSetCompilationException.class,
                    () -> new RuleSetCompiler(cache).compile(rules));
            assertEquals("broken.drl", e.problems().get(0).file());
        }
        assertEquals(List.of(), entries());
    }

    @Test
    void onlyTheMostRecentlyWrittenOrReadBuildsAreKept() throws IOException {
        DrlCache cache = DrlCache.in(cacheDir);
        long now = System.currentTimeMillis();
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < DrlCache.KEEP; i++) {
            String key = String.format("%064x", i + 1);
            cache.write(key, new byte[] {(byte) i});
            // written one minute apart, the first the oldest
            Files.setLastModifiedTime(cache.file(key), FileTime.fromMillis(now - (DrlCache.KEEP - i) * 60_000L));
            keys.add(key);
        }
        Files.writeString(cacheDir.resolve("notes.txt"), "an operator's file");
        Files.writeString(cacheDir.resolve("drl-123.part"), "a write in progress");
        assertEquals(DrlCache.KEEP, builds().size(), "nothing pruned while there are no more than KEEP");

        assertTrue(cache.read(keys.get(0)) != null, "the oldest build is read: a version in force uses it");
        String newest = String.format("%064x", 99);
        cache.write(newest, new byte[] {99});

        assertEquals(DrlCache.KEEP, builds().size());
        assertFalse(Files.exists(cache.file(keys.get(1))), "the least recently used build went");
        assertTrue(Files.exists(cache.file(keys.get(0))), "the build just read stays although written first");
        assertTrue(Files.exists(cache.file(newest)));
        assertTrue(Files.exists(cacheDir.resolve("notes.txt")), "only the cache's own entries are pruned");
        assertTrue(Files.exists(cacheDir.resolve("drl-123.part")));
    }

    private static CompletenessCheck missing(boolean tolerable) {
        CompletenessCheck check = new CompletenessCheck();
        check.getItems().add(new ChecklistItem("a", false, tolerable, true));
        check.getItems().add(new ChecklistItem("b", true, false, false));
        return check;
    }

    private static List<String> names(List<FiredRow> fired) {
        return fired.stream().map(FiredRow::ruleId).toList();
    }

    private static String key(Path entry) {
        String name = entry.getFileName().toString();
        return name.substring("drl-".length(), name.length() - ".kjar".length());
    }

    /** A stored entry is a new file (written beside, moved into place): a new inode. Not the time: a read marks it used. */
    private static Object identity(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.fileKey() + "#" + a.size();
    }

    private Path onlyEntry() throws IOException {
        List<Path> entries = entries();
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }

    private List<Path> builds() throws IOException {
        return entries().stream().filter(p -> p.getFileName().toString().endsWith(".kjar")).toList();
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.sorted().toList();
        }
    }
}
