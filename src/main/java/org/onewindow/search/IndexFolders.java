package org.onewindow.search;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.onewindow.platform.CodeIdentity;

/**
 * Where a {@link SearchIndex} keeps its Lucene files. Without a cache, a temporary folder per
 * index. With one, a folder per content under the cache folder, kept between starts: found by a
 * SHA-256 of this application's code ({@link CodeIdentity}: the analysers, the document layout)
 * and of every field of every entry (which covers the knowledge-base and rule-set versions the
 * entries came from), and opened as it is instead of analysing 1,200 guides again. A folder is
 * filled beside, gets a manifest with the SHA-256 of each of its files, and is then renamed into
 * place; one whose files do not match its manifest (cut short, altered) is deleted and built
 * again. Deleting the cache folder is always safe.
 */
final class IndexFolders {

    private static final Logger LOG = Logger.getLogger(IndexFolders.class);
    /** Bump when the layout of a folder or the key changes. */
    private static final String FORMAT = "onewindow-search-3"; // 2: with the index of the life events alone; 3: shown fields as doc values
    static final String MANIFEST = "manifest.sha256";
    /** Folders kept: the one in use, the one a search may still read, a few to go back to. */
    private static final int KEEP = 4;

    /** Writes a fresh index into a folder. */
    @FunctionalInterface
    interface Filler {
        void fill(Path folder) throws IOException;
    }

    /** A folder holding the index; {@code temporary} ones are deleted when the index closes. */
    record Folder(Path path, boolean cached, boolean temporary) {
    }

    private final Path root;

    private IndexFolders(Path root) {
        this.root = root;
    }

    /** No cache: a temporary folder per index. */
    static IndexFolders temporary() {
        return new IndexFolders(null);
    }

    /** Folders kept under {@code root}; temporary ones when the application's code cannot be identified. */
    static IndexFolders cachedIn(Path root) {
        return CodeIdentity.get().isPresent() ? new IndexFolders(root) : temporary();
    }

    Folder open(List<SearchEntry> entries, Filler filler) throws IOException {
        if (root == null) {
            Path temp = Files.createTempDirectory("onewindow-search");
            filler.fill(temp);
            return new Folder(temp, false, true);
        }
        String key = key(entries);
        Path folder = root.resolve(key);
        if (Files.isDirectory(folder)) {
            if (intact(folder)) {
                return new Folder(folder, true, false);
            }
            LOG.warnf("search index in %s ignored (its files do not match its manifest); building it again", folder);
            delete(folder);
        }
        Files.createDirectories(root);
        Path part = Files.createTempDirectory(root, key + ".part-");
        try {
            filler.fill(part);
            writeManifest(part);
        } catch (IOException | RuntimeException e) {
            delete(part);
            throw e;
        }
        try {
            try {
                Files.move(part, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, folder);
            }
        } catch (IOException e) {
            // another start sharing the folder got there first (a rename onto a full folder fails):
            // the same content, so its folder serves; if it is not intact, this one stays temporary
            if (intact(folder)) {
                delete(part);
                return new Folder(folder, true, false);
            }
            LOG.debugf("search index not kept in %s: %s", folder, e.getMessage());
            return new Folder(part, false, true);
        }
        prune(folder);
        return new Folder(folder, false, false);
    }

    /** The key of these entries' index: the code, then every component of every entry, length-prefixed. */
    static String key(List<SearchEntry> entries) {
        MessageDigest digest = CodeIdentity.sha256();
        update(digest, FORMAT);
        update(digest, CodeIdentity.get().orElse(""));
        // the library's own version too: the application jar need not change when only Lucene does
        update(digest, org.apache.lucene.util.Version.LATEST.toString());
        update(digest, Integer.toString(entries.size()));
        RecordComponent[] components = SearchEntry.class.getRecordComponents();
        for (SearchEntry entry : entries) {
            for (RecordComponent component : components) {
                Object value;
                try {
                    value = component.getAccessor().invoke(entry);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (value instanceof List<?> list) {
                    update(digest, "list:" + list.size());
                    list.forEach(item -> update(digest, String.valueOf(item)));
                } else {
                    update(digest, value == null ? "\u0000null" : value.toString());
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static void writeManifest(Path folder) throws IOException {
        StringBuilder manifest = new StringBuilder();
        hashes(folder).forEach((file, hash) -> manifest.append(hash).append("  ").append(file).append('\n'));
        Files.writeString(folder.resolve(MANIFEST), manifest);
    }

    /** Whether the folder has its manifest and exactly the files it lists, each with its hash. */
    static boolean intact(Path folder) {
        try {
            Path manifest = folder.resolve(MANIFEST);
            if (!Files.isRegularFile(manifest)) {
                return false;
            }
            Map<String, String> listed = new TreeMap<>();
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                int gap = line.indexOf("  ");
                if (gap < 0) {
                    return false;
                }
                listed.put(line.substring(gap + 2), line.substring(0, gap));
            }
            return !listed.isEmpty() && listed.equals(hashes(folder));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Map<String, String> hashes(Path folder) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(MANIFEST))
                    .filter(p -> !p.getFileName().toString().equals("write.lock")).toList();
        }
        for (Path file : files) {
            MessageDigest digest = CodeIdentity.sha256();
            digest.update(Files.readAllBytes(file));
            hashes.put(folder.relativize(file).toString().replace('\\', '/'), HexFormat.of().formatHex(digest.digest()));
        }
        return hashes;
    }

    /**
     * Keeps the newest folders. An older one still open here stays readable (its files are mapped
     * already); a leftover half-filled folder of a crashed build goes too.
     */
    private void prune(Path current) {
        try (Stream<Path> folders = Files.list(root)) {
            List<Path> finished = new ArrayList<>();
            for (Path p : folders.filter(Files::isDirectory).filter(p -> !p.equals(current)).toList()) {
                if (!p.getFileName().toString().contains(".part-")) {
                    finished.add(p);
                } else if (modified(p) < System.currentTimeMillis() - 3_600_000) {
                    delete(p); // left by a build that never finished
                }
            }
            finished.sort(Comparator.comparing(IndexFolders::modified).reversed());
            for (int i = KEEP - 1; i < finished.size(); i++) {
                delete(finished.get(i));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("search cache not pruned: %s", e.getMessage());
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("cannot delete %s: %s", folder, e.getMessage());
        }
    }
}
