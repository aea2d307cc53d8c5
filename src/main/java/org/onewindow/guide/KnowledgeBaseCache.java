package org.onewindow.guide;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.onewindow.platform.ChecksummedFile;
import org.onewindow.platform.CodeIdentity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The loaded knowledge base kept on disk, so that a start with the same files does not parse and
 * check the YAML again (SnakeYAML and Jackson binding of every guide were most of a later start's
 * knowledge-base time). Nothing here can serve a stale or different knowledge base:
 * <ul>
 * <li>an entry is found by a SHA-256 of every file under the knowledge-base folder (path, length and
 * bytes — more than the loader reads, so any change of any file misses), this application's code and
 * Java version ({@link CodeIdentity}: the loader, the checks and the model classes) and the YAML and
 * Jackson jars that parse the files;</li>
 * <li>only a knowledge base that loaded with no problem is stored, so one with problems is parsed,
 * checked and reported on every load;</li>
 * <li>an entry carries a SHA-256 of its own bytes; one that is missing, cut short, altered or does
 * not read back (only the knowledge base's own model classes and plain JDK values are accepted) is
 * ignored, removed and the folder loaded as if there were no cache.</li>
 * </ul>
 * The entry is the Java serialisation of {@link Catalogue.Snapshot}: the records are rebuilt through
 * their canonical constructors, and the catalogue from them through its constructor, so it equals a
 * fresh load ({@code KnowledgeBaseCacheTest}). Deleting the folder is always safe.
 */
public final class KnowledgeBaseCache {

    private static final Logger LOG = Logger.getLogger(KnowledgeBaseCache.class);
    /** Bump when what an entry holds, or how the key is made, changes. */
    private static final String FORMAT = "onewindow-kb-snapshot-1";
    /** Entries kept: the newest few (an operator editing the knowledge base makes one per edit). */
    private static final int KEEP = 4;
    private static final Predicate<String> ENTRY = Pattern.compile("kb-[0-9a-f]{64}\\.ser").asMatchPredicate();
    private static final String BUILD = identify();
    private static final ObjectInputFilter ONLY_THE_MODEL = ObjectInputFilter.Config.createFilter(
            "maxdepth=32;maxrefs=5000000;org.onewindow.guide.*;java.lang.*;java.util.*;java.time.*;!*");

    private final Path folder;

    private KnowledgeBaseCache(Path folder) {
        this.folder = folder;
    }

    /** No cache: every load parses. */
    public static KnowledgeBaseCache none() {
        return new KnowledgeBaseCache(null);
    }

    /** A cache in {@code folder} (created when first written); off when the application's code cannot be identified. */
    public static KnowledgeBaseCache in(Path folder) {
        if (BUILD == null) {
            LOG.debug("knowledge-base cache off: the application's code could not be identified");
            return none();
        }
        return new KnowledgeBaseCache(folder);
    }

    /** A catalogue, and whether it came from the cache. */
    public record Loaded(Catalogue catalogue, boolean fromCache) {
    }

    /**
     * The knowledge base in {@code root}: the stored one when an intact entry exists for exactly
     * these files, otherwise {@code loader}'s (which throws {@link KnowledgeBaseException} on
     * problems — nothing is stored then).
     */
    public Loaded load(Path root, Function<Path, Catalogue> loader) {
        if (folder == null) {
            return new Loaded(loader.apply(root), false);
        }
        String key;
        try {
            key = key(root);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("knowledge base not looked up in the cache: %s", e.getMessage());
            return new Loaded(loader.apply(root), false);
        }
        Catalogue stored = read(key);
        if (stored != null) {
            return new Loaded(stored, true);
        }
        Catalogue fresh = loader.apply(root);
        write(key, fresh);
        return new Loaded(fresh, false);
    }

    /** The key of a knowledge-base folder: every regular file under it (relative path, length, bytes), with the build. */
    String key(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> root.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
        MessageDigest digest = CodeIdentity.sha256();
        digest.update((FORMAT + "\0" + BUILD + "\0").getBytes(StandardCharsets.UTF_8));
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            digest.update(root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    Path file(String key) {
        return folder.resolve("kb-" + key + ".ser");
    }

    /** The catalogue stored under {@code key}, or null when there is none or it is not intact. */
    Catalogue read(String key) {
        Path file = file(key);
        byte[] payload;
        try {
            payload = ChecksummedFile.read(file);
        } catch (ChecksummedFile.Damaged e) {
            discard(key, e.getMessage());
            return null;
        } catch (IOException e) {
            LOG.warnf("knowledge base in %s not readable (%s); parsing the files", file, e.getMessage());
            return null;
        }
        if (payload == null) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(ONLY_THE_MODEL);
            if (in.readObject() instanceof Catalogue.Snapshot snapshot && in.read() < 0) {
                ChecksummedFile.used(file); // read at every start: the most recently used entry is kept
                return Catalogue.of(snapshot);
            }
            discard(key, "not a knowledge-base snapshot");
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            discard(key, "does not read back: " + e);
        }
        return null;
    }

    /** Stores a catalogue that loaded with no problem: written beside, then moved into place. */
    void write(String key, Catalogue catalogue) {
        Path file = file(key);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(catalogue.snapshot());
            }
            ChecksummedFile.write(file, "kb-", bytes.toByteArray());
            ChecksummedFile.keepNewest(folder, ENTRY, file, KEEP);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written costs the next start a parse, nothing else
            LOG.warnf("knowledge base not cached in %s: %s", folder, e.getMessage());
        }
    }

    /** Removes an entry that cannot be used, so that the next load replaces it. */
    private void discard(String key, String why) {
        LOG.warnf("knowledge base in %s ignored (%s); parsing the files", file(key), why);
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            LOG.debugf("cannot remove %s: %s", file(key), e.getMessage());
        }
    }

    /**
     * What a load depends on besides the files: this application's classes and the Java version,
     * and the jars that parse YAML into the model. Null when the code cannot be identified.
     */
    private static String identify() {
        String code = CodeIdentity.get().orElse(null);
        if (code == null) {
            return null;
        }
        StringBuilder id = new StringBuilder(code);
        for (Class<?> parser : List.of(ObjectMapper.class, YAMLFactory.class, org.yaml.snakeyaml.LoaderOptions.class,
                JavaTimeModule.class)) {
            id.append('\0').append(CodeIdentity.location(parser).map(p -> p.getFileName().toString())
                    .orElse(String.valueOf(parser.getPackage().getImplementationVersion())));
        }
        return id.toString();
    }
}
