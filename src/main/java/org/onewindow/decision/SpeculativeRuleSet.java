package org.onewindow.decision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jboss.logging.Logger;
import org.onewindow.platform.ChecksummedFile;
import org.onewindow.platform.ContentFolder;
import org.onewindow.platform.EarlyStart;

/**
 * A head start for the rule-set compile (about 3.5 s of CPU, the longest step of a later start):
 * when a version goes into force its files are remembered in the cache folder
 * ({@code rules/last-served.files}), and the next process compiles them on a thread of its own from
 * its first moment ({@link Begin}, called by the platform's main before PostgreSQL and Quarkus start),
 * instead of only once Quarkus has started and the published versions have been read. On a new
 * embedded database (the first start, which seeds version 1 from the rules folder) it compiles the
 * rules folder instead.
 * <p>
 * Nothing is served on trust: the timeline still reads each published version's files from the
 * database, and {@link #take} hands over the early rule set only when those files are exactly the
 * ones it compiled — the same paths in the same order with the same bytes. A version published while
 * this node was down, a remembered file that is damaged, or a compile that failed all mean the
 * version is compiled as if this class did not exist (the early result is dropped; only its CPU was
 * spent). The remembered file carries a checksum ({@link ChecksummedFile}); deleting it is safe.
 */
public final class SpeculativeRuleSet {

    private static final Logger LOG = Logger.getLogger(SpeculativeRuleSet.class);
    static final String FILE = "last-served.files";
    /** Bump when the layout of the remembered file changes. */
    private static final int FORMAT = 1;

    /** What is being compiled early, and its result; null when nothing is (or it was taken or dropped). */
    private static volatile Early early;
    /** The version (content hash) remembered on disk as far as this process knows, to write it only when it changes. */
    private static volatile String remembered;

    private record Early(Map<String, byte[]> files, CompletableFuture<RuleSet> compiled) {
    }

    private SpeculativeRuleSet() {
    }

    /** The platform's hook ({@code META-INF/services/org.onewindow.platform.EarlyStart}). */
    public static final class Begin implements EarlyStart {
        @Override
        public void begin(Path cacheDir, boolean newDatabase) {
            if (newDatabase) {
                // the first start seeds version 1 from the rules folder: compile that
                try {
                    String configured = System.getProperty("onewindow.rules.dir", System.getenv("ONEWINDOW_RULES_DIR"));
                    Path rules = ContentFolder.resolve(configured == null || configured.isBlank() ? "./rules" : configured,
                            "rules", RuleSetCompiler.MANIFEST);
                    compileEarly(cacheDir.resolve("rules"), RuleFiles.read(rules));
                } catch (IOException | RuntimeException e) {
                    LOG.debugf("no head start for the rules folder: %s", e.getMessage());
                }
                return;
            }
            start(cacheDir.resolve("rules"));
        }
    }

    /**
     * Starts compiling the files remembered in {@code folder} on a daemon thread, if there are any
     * that can be read. Never throws: without a head start the timeline compiles as before.
     */
    static void start(Path folder) {
        Map<String, byte[]> files;
        try {
            byte[] payload = ChecksummedFile.read(folder.resolve(FILE));
            if (payload == null) {
                return;
            }
            files = decode(payload);
        } catch (IOException | ChecksummedFile.Damaged | RuntimeException e) {
            LOG.infof("remembered rule files not used (%s); the rule set is compiled once the start has read it", e.getMessage());
            return;
        }
        remembered = RuleSetCompiler.hash(files);
        compileEarly(folder, files);
    }

    /** Compiles {@code files} on a daemon thread, for {@link #take}; DRL builds go to (and come from) {@code folder}. */
    static void compileEarly(Path folder, Map<String, byte[]> files) {
        ClassLoader loader = SpeculativeRuleSet.class.getClassLoader(); // Drools finds the unit classes through the context loader
        CompletableFuture<RuleSet> compiled = new CompletableFuture<>();
        early = new Early(files, compiled);
        Thread thread = new Thread(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            try {
                long began = System.nanoTime();
                RuleSet rules = new RuleSetCompiler(DrlCache.in(folder)).compile(files);
                LOG.infof("rule set %s compiled at process start in %d ms",
                        rules.version().version(), (System.nanoTime() - began) / 1_000_000);
                compiled.complete(rules);
            } catch (Throwable e) {
                compiled.completeExceptionally(e);
            }
        }, "rules-head-start");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The rule set compiled early from exactly {@code files} (same paths, same order, same bytes),
     * waiting for the compile to finish if it has not; empty when there was none, the files differ
     * in anything, or that compile failed (the caller then compiles, and reports, as usual). A rule
     * set is handed over once.
     */
    public static Optional<RuleSet> take(Map<String, byte[]> files) {
        Early e = early;
        if (e == null || !sameFiles(e.files(), files)) {
            return Optional.empty();
        }
        early = null;
        try {
            RuleSet rules = e.compiled().join();
            LOG.infof("rule set %s: the compile begun at process start is used (exactly the files it compiled)",
                    rules.version().version());
            return Optional.of(rules);
        } catch (CompletionException | java.util.concurrent.CancellationException failed) {
            LOG.debugf("the early rule-set compile failed; compiling again: %s", failed.getMessage());
            return Optional.empty();
        }
    }

    /** Drops an early rule set nobody took (the versions read at start did not include its files). */
    public static void discard() {
        if (early != null) {
            early = null;
            LOG.info("the rule set compiled early is not a published version in force; dropped");
        }
    }

    /** Whether the files of {@code version} are the ones remembered for the next start, as far as this process knows. */
    public static boolean remembers(String version) {
        return version.equals(remembered);
    }

    /** Remembers {@code files} (as the database returns them) for the next start's head start. */
    public static void remember(Path folder, Map<String, byte[]> files) throws IOException {
        ChecksummedFile.write(folder.resolve(FILE), "last-served-", encode(files));
        remembered = RuleSetCompiler.hash(files);
    }

    static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, byte[]>> ia = a.entrySet().iterator();
        Iterator<Map.Entry<String, byte[]>> ib = b.entrySet().iterator();
        while (ia.hasNext()) {
            Map.Entry<String, byte[]> x = ia.next();
            Map.Entry<String, byte[]> y = ib.next();
            if (!x.getKey().equals(y.getKey()) || !Arrays.equals(x.getValue(), y.getValue())) {
                return false;
            }
        }
        return true;
    }

    static byte[] encode(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(files.size());
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                out.writeUTF(f.getKey());
                out.writeInt(f.getValue().length);
                out.write(f.getValue());
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("another format");
            }
            int count = in.readInt();
            if (count <= 0 || count > 100_000) {
                throw new IOException("bad file count " + count);
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IOException("bad length for " + path);
                }
                files.put(path, in.readNBytes(length));
            }
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            return files;
        }
    }
}
