package org.onewindow.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index kept between starts: the same entries open the kept index and answer alike;
 * any change of an entry builds a fresh one; a damaged or half-written folder is ignored and
 * rebuilt; without a cache nothing is left behind.
 */
class SearchIndexCacheTest {

    @TempDir
    Path cache;

    private static List<SearchEntry> entries() {
        List<SearchEntry> entries = new ArrayList<>();
        entries.add(new SearchEntry(SearchEntry.MATTER, "food-business-licence", "食品经营许可", "Food business licence",
                List.of("开饭店", "餐饮许可证"), "scjg", "市场监管局", "market", "开办餐馆、食堂需要申请食品经营许可"));
        entries.add(new SearchEntry(SearchEntry.MATTER, "individual-business", "个体工商户登记", "Sole trader registration",
                List.of("开店", "个体户"), "scjg", "市场监管局", "market", "个体工商户设立、变更、注销登记"));
        entries.add(new SearchEntry(SearchEntry.MATTER, "tax-registration", "税务登记", "Tax registration",
                List.of("办税"), "tax", "税务局", "tax", "纳税人办理税务登记信息确认"));
        entries.add(new SearchEntry(SearchEntry.EVENT, "open-restaurant", "开餐馆", "Opening a restaurant",
                List.of("开饭店"), null, null, null, "开餐馆要办的事：营业执照、食品经营许可、税务登记"));
        return entries;
    }

    @Test
    void theSameEntriesOpenTheKeptIndexAndAnswerAlike() throws IOException {
        IndexFolders folders = IndexFolders.cachedIn(cache);
        try (SearchIndex built = SearchIndex.build(entries(), List.of(), SearchIndex.Options.ALL, folders);
                SearchIndex opened = SearchIndex.build(entries(), List.of(), SearchIndex.Options.ALL, folders)) {
            assertFalse(built.fromCache());
            assertTrue(opened.fromCache(), "the second index of the same entries is the kept one");
            assertEquals(1, kept().size());
            for (String query : List.of("开饭店", "食品经营许可", "税务", "kaifandian", "restaurant")) {
                assertEquals(built.search(query, 10, null, null), opened.search(query, 10, null, null), query);
            }
            assertEquals(built.suggest("食品", 5), opened.suggest("食品", 5));
            assertFalse(opened.suggest("食品", 5).isEmpty(), "the kept suggester answers");
            assertEquals(built.search("开饭店", 10, "market", null), opened.search("开饭店", 10, "market", null));
        }
        assertEquals(1, kept().size(), "closing keeps the cached folder");
    }

    @Test
    void anyChangedEntryBuildsAFreshIndex() throws IOException {
        IndexFolders folders = IndexFolders.cachedIn(cache);
        SearchIndex.build(entries(), List.of(), SearchIndex.Options.ALL, folders).close();
        List<SearchEntry> changed = entries();
        SearchEntry tax = changed.get(2);
        // the window of one matter moves (a new rule-set version): the filter must see it
        changed.set(2, new SearchEntry(tax.kind(), tax.code(), tax.name(), tax.nameEn(), tax.aliases(), tax.department(),
                tax.departmentName(), "market", tax.body()));
        try (SearchIndex fresh = SearchIndex.build(changed, List.of(), SearchIndex.Options.ALL, folders)) {
            assertFalse(fresh.fromCache());
            assertTrue(fresh.search("税务登记", 10, "market", null).hits().stream().map(SearchHit::code).toList()
                    .contains("tax-registration"), "the fresh index files the matter under its new window");
        }
        try (SearchIndex before = SearchIndex.build(entries(), List.of(), SearchIndex.Options.ALL, folders)) {
            assertTrue(before.fromCache());
            assertFalse(before.search("税务登记", 10, "market", null).hits().stream().map(SearchHit::code).toList()
                    .contains("tax-registration"), "the kept index of the old entries is still the old one");
        }
        assertEquals(2, kept().size());
        assertNotEquals(IndexFolders.key(entries()), IndexFolders.key(changed));
    }

    @Test
    void aDamagedOrHalfWrittenFolderIsIgnoredAndRebuilt() throws IOException {
        IndexFolders folders = IndexFolders.cachedIn(cache);
        SearchResult expected;
        try (SearchIndex index = SearchIndex.build(entries(), List.of(), SearchIndex.Options.ALL, folders)) {
            expected = index.search("开饭店", 10, null, null);
        }
        Path folder = kept().get(0);
        Path file = largestFile(folder);

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a; // one flipped bit pattern in an index file
        Files.write(file, bytes);
        assertFalse(IndexFolders.intact(folder));
        try (SearchIndex index = SearchIndex.build(entries(), List.of(), SearchIndex.Options.ALL, folders)) {
            assertFalse(index.fromCache(), "a damaged folder is not opened");
            assertEquals(expected, index.search("开饭店", 10, null, null));
        }
        assertTrue(IndexFolders.intact(folder), "rebuilt in place");

        Files.delete(folder.resolve(IndexFolders.MANIFEST)); // a folder whose filling never finished
        try (SearchIndex index = SearchIndex.build(entries(), List.of(), SearchIndex.Options.ALL, folders)) {
            assertFalse(index.fromCache());
            assertEquals(expected, index.search("开饭店", 10, null, null));
        }

        Path cut = largestFile(folder);
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(cut), 10)); // cut short
        try (SearchIndex index = SearchIndex.build(entries(), List.of(), SearchIndex.Options.ALL, folders)) {
            assertFalse(index.fromCache());
            assertEquals(expected, index.search("开饭店", 10, null, null));
        }
        try (SearchIndex index = SearchIndex.build(entries(), List.of(), SearchIndex.Options.ALL, folders)) {
            assertTrue(index.fromCache(), "and the rebuilt folder is used next time");
        }
    }

    @Test
    void withoutACacheNothingIsLeftBehind() throws IOException {
        Path folder;
        try (SearchIndex index = SearchIndex.build(entries(), List.of(), SearchIndex.Options.ALL,
                IndexFolders.temporary())) {
            assertFalse(index.fromCache());
            assertFalse(index.search("开饭店", 10, null, null).hits().isEmpty());
            folder = index.folder();
            assertTrue(Files.isDirectory(folder));
        }
        assertFalse(Files.exists(folder), "the temporary folder is deleted on close");
    }

    private List<Path> kept() throws IOException {
        try (Stream<Path> folders = Files.list(cache)) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static Path largestFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(IndexFolders.MANIFEST))
                    .max(java.util.Comparator.comparing(p -> p.toFile().length())).orElseThrow();
        }
    }
}
