package org.onewindow.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.testing.TestFiles;

/**
 * The knowledge base kept between starts is the knowledge base a fresh parse gives, for exactly the
 * files it was made from: a changed file misses, a damaged entry is ignored and replaced, and a
 * knowledge base with problems is never kept.
 */
class KnowledgeBaseCacheTest {

    private static final Path SHIPPED = Path.of("knowledge-base");
    private static final String FOOD = "matters/scjg/food-business-licence.yaml";
    private static final Function<Path, Catalogue> PARSE = root -> new KnowledgeBaseLoader().load(root);
    private static final Function<Path, Catalogue> MUST_NOT_PARSE = root -> fail("parsed although the cache holds it");

    @TempDir
    Path temp;

    private Path kb;
    private Path folder;
    private KnowledgeBaseCache cache;

    @BeforeEach
    void copyShipped() throws IOException {
        kb = temp.resolve("kb");
        folder = temp.resolve("cache");
        cache = KnowledgeBaseCache.in(folder);
        TestFiles.copyTree(SHIPPED, kb);
    }

    private Path onlyEntry() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            List<Path> entries = list.toList();
            assertEquals(1, entries.size(), entries.toString());
            return entries.get(0);
        }
    }

    @Test
    void theSameFilesLoadTheStoredKnowledgeBaseEqualToAFreshParse() throws IOException {
        Catalogue fresh = PARSE.apply(kb);

        KnowledgeBaseCache.Loaded first = cache.load(kb, PARSE);
        assertFalse(first.fromCache());
        Path entry = onlyEntry();

        KnowledgeBaseCache.Loaded second = cache.load(kb, MUST_NOT_PARSE);
        assertTrue(second.fromCache());
        assertEquals(fresh.snapshot(), second.catalogue().snapshot());
        assertEquals(fresh.version(), second.catalogue().version());
        // the indexes are rebuilt too: lookups answer as on the fresh catalogue
        assertEquals(fresh.matter("food-business-licence"), second.catalogue().matter("food-business-licence"));
        assertEquals(List.copyOf(fresh.events()), List.copyOf(second.catalogue().events()));
        assertEquals(fresh.servicePointsOf("food-business-licence"),
                second.catalogue().servicePointsOf("food-business-licence"));
        assertEquals(entry, onlyEntry());
        // a catalogue-only matter (made from the catalogue, not from a guide file) comes back as well
        assertTrue(fresh.matters().size() > 1000, "the shipped knowledge base has the whole catalogue");
    }

    @Test
    void aChangedFileMissesAndLoadsTheChange() throws IOException {
        cache.load(kb, PARSE);
        TestFiles.replaceFirst(kb.resolve(FOOD), "name: 食品经营许可（新办）", "name: 食品经营许可（新办，已改）");

        KnowledgeBaseCache.Loaded changed = cache.load(kb, PARSE);
        assertFalse(changed.fromCache());
        assertEquals("食品经营许可（新办，已改）", changed.catalogue().matter("food-business-licence").orElseThrow().name());
        assertEquals(PARSE.apply(kb).snapshot(), changed.catalogue().snapshot());
        assertTrue(cache.load(kb, MUST_NOT_PARSE).fromCache());
    }

    @Test
    void aChangeTheLoaderDoesNotSeeStillMisses() throws IOException {
        String before = cache.key(kb);
        // a comment: same catalogue, but the key covers the bytes of every file
        Files.writeString(kb.resolve(FOOD), Files.readString(kb.resolve(FOOD)) + "\n# reviewed\n");
        assertNotEquals(before, cache.key(kb));
        Path extra = kb.resolve("notes.txt");
        Files.writeString(extra, "not read by the loader");
        String withExtra = cache.key(kb);
        Files.writeString(extra, "not read by the loader either");
        assertNotEquals(withExtra, cache.key(kb));
        // a file moved to another path is another key even with the same bytes
        Files.move(extra, kb.resolve("notes2.txt"));
        assertNotEquals(withExtra, cache.key(kb));
    }

    @Test
    void aDamagedEntryIsIgnoredAndReplaced() throws IOException {
        Catalogue fresh = PARSE.apply(kb);
        cache.load(kb, PARSE);
        Path entry = onlyEntry();
        byte[] good = Files.readAllBytes(entry);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x20;
        for (byte[] damaged : List.of(flipped, java.util.Arrays.copyOf(good, good.length / 3), new byte[0])) {
            Files.write(entry, damaged);
            KnowledgeBaseCache.Loaded loaded = cache.load(kb, PARSE);
            assertFalse(loaded.fromCache());
            assertEquals(fresh.snapshot(), loaded.catalogue().snapshot());
            assertTrue(cache.load(kb, MUST_NOT_PARSE).fromCache(), "rewritten after the damaged entry");
        }
    }

    /** Not part of the knowledge base's model: must not be read back even with a correct checksum. */
    record Foreign(String text) implements Serializable {
    }

    @Test
    void anIntactEntryThatIsNotASnapshotIsIgnored() throws Exception {
        Catalogue fresh = PARSE.apply(kb);
        cache.load(kb, PARSE);
        Path entry = onlyEntry();
        for (Object other : List.<Object>of("a string", List.of(1, 2), new Foreign("x"), new java.net.URL("http://example.org"))) {
            Files.write(entry, withChecksum(other));
            KnowledgeBaseCache.Loaded loaded = cache.load(kb, PARSE);
            assertFalse(loaded.fromCache(), "served " + other);
            assertEquals(fresh.snapshot(), loaded.catalogue().snapshot());
        }
    }

    @Test
    void aKnowledgeBaseWithProblemsIsNeverKept() throws IOException {
        TestFiles.replaceFirst(kb.resolve(FOOD), "material: food-safety-rules", "material: food-safety-ruels");
        for (int i = 0; i < 2; i++) {
            assertThrows(KnowledgeBaseException.class, () -> cache.load(kb, PARSE));
        }
        assertFalse(Files.exists(folder) && Files.list(folder).findAny().isPresent(), "nothing stored");
    }

    @Test
    void noCacheAlwaysParses() {
        KnowledgeBaseCache none = KnowledgeBaseCache.none();
        assertFalse(none.load(kb, PARSE).fromCache());
        assertFalse(none.load(kb, PARSE).fromCache());
        assertFalse(Files.exists(folder));
    }

    private static byte[] withChecksum(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        byte[] payload = bytes.toByteArray();
        byte[] sum = MessageDigest.getInstance("SHA-256").digest(payload);
        byte[] stored = new byte[sum.length + payload.length];
        System.arraycopy(sum, 0, stored, 0, sum.length);
        System.arraycopy(payload, 0, stored, sum.length, payload.length);
        return stored;
    }
}
