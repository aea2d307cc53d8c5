package org.onewindow.decision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.drools.model.codegen.ExecutableModelProject;
import org.jboss.logging.Logger;
import org.kie.api.KieServices;
import org.onewindow.platform.ChecksummedFile;
import org.onewindow.platform.CodeIdentity;

/**
 * The built DRL of a rule set (the executable model's KJAR: generated Java compiled by javac, about
 * half of a rule set's compile time) kept on disk, so that a start with the same rules loads it
 * instead of building it again. Nothing here can serve stale rules: an entry is found by a SHA-256
 * of everything the build depends on — the DRL files (paths and bytes), this application's code
 * (the DRL refers to its fact and unit classes), the Drools build and the Java version — and carries
 * a checksum of its own bytes. An entry that is missing, truncated, altered or does not load is
 * ignored (and removed) and the rules are built as if there were no cache. Only successful builds are
 * stored, so a DRL that does not compile is built, and reported, every time. The {@link #KEEP} most
 * recently used entries stay, the others are deleted when a build is stored. Deleting the folder is
 * always safe.
 */
public final class DrlCache {

    private static final Logger LOG = Logger.getLogger(DrlCache.class);
    /** Bump when what an entry holds, or how the key is made, changes. */
    private static final String FORMAT = "onewindow-drl-kjar-1";
    /**
     * Entries kept (the most recently written or read): every start reads the builds of the versions
     * in force, so those stay; the builds of rules long replaced — each published change of a DRL
     * file and each upgrade of the application makes a new one — go.
     */
    static final int KEEP = 8;
    private static final Predicate<String> ENTRY = Pattern.compile("drl-[0-9a-f]{64}\\.kjar").asMatchPredicate();

    private final Path folder;

    private DrlCache(Path folder) {
        this.folder = folder;
    }

    /** No cache: every compile builds. */
    public static DrlCache none() {
        return new DrlCache(null);
    }

    /**
     * A cache in {@code folder} (created when first written). Off when this application's code
     * cannot be identified (then a key could not prove that cached classes match it).
     */
    public static DrlCache in(Path folder) {
        if (Build.ID == null) {
            LOG.debug("compiled-rules cache off: the application's code could not be identified");
            return none();
        }
        return new DrlCache(folder);
    }

    boolean enabled() {
        return folder != null;
    }

    /** The key of a DRL build: the files as handed to Drools (path → text), with the build identity. */
    String key(Map<String, String> drlByPath) {
        MessageDigest digest = sha256();
        digest.update((FORMAT + "\0" + Build.ID + "\0").getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(drlByPath).forEach((path, text) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    Path file(String key) {
        return folder.resolve("drl-" + key + ".kjar");
    }

    /** The KJAR stored under {@code key}, or null when there is none or it is not intact. */
    byte[] read(String key) {
        if (!enabled()) {
            return null;
        }
        Path file = file(key);
        try {
            byte[] kjar = ChecksummedFile.read(file);
            if (kjar != null) {
                ChecksummedFile.used(file);
            }
            return kjar;
        } catch (ChecksummedFile.Damaged e) {
            discard(key, e.getMessage());
        } catch (IOException e) {
            LOG.warnf("compiled rules in %s not readable (%s); building them", file, e.getMessage());
        }
        return null;
    }

    /** Stores a successful build's KJAR: written beside, then moved into place, so no reader sees half a file. */
    void write(String key, byte[] kjar) {
        if (!enabled()) {
            return;
        }
        try {
            ChecksummedFile.write(file(key), "drl-", kjar);
            ChecksummedFile.keepNewest(folder, ENTRY, file(key), KEEP);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written costs the next start a build, nothing else
            LOG.warnf("compiled rules not cached in %s: %s", folder, e.getMessage());
        }
    }

    /** Removes an entry that cannot be used, so that the build replaces it. */
    void discard(String key, String why) {
        if (!enabled()) {
            return;
        }
        LOG.warnf("compiled rules in %s ignored (%s); building them", file(key), why);
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            LOG.debugf("cannot remove %s: %s", file(key), e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        return CodeIdentity.sha256();
    }

    /**
     * What a DRL build depends on besides its files: this application's classes and the Java
     * version ({@link CodeIdentity}), and the Drools jars that generate and compile the model.
     * Null when the code cannot be identified.
     */
    static final class Build {
        static final String ID = identify();

        private static String identify() {
            String code = CodeIdentity.get().orElse(null);
            if (code == null) {
                return null;
            }
            StringBuilder id = new StringBuilder(code);
            for (Class<?> engine : List.of(ExecutableModelProject.class, KieServices.class)) {
                id.append('\0').append(CodeIdentity.location(engine).map(p -> p.getFileName().toString())
                        .orElse(String.valueOf(engine.getPackage().getImplementationVersion())));
            }
            return id.toString();
        }
    }
}
