package org.onewindow.platform;

import java.nio.file.Path;

/**
 * Work a capability may begin at the very start of the process, on a thread of its own, while
 * PostgreSQL and Quarkus start (about 2.5 s on two cores). {@link OneWindowMain} finds the
 * implementations with {@link java.util.ServiceLoader} ({@code META-INF/services}), so that the
 * platform at the bottom of the package rules need not know them. Whatever it prepares must be
 * checked against the real state once the application reads it, and used only when it matches.
 */
public interface EarlyStart {

    /**
     * Begins the work and returns at once; must never throw (a failure only loses the head start).
     *
     * @param cacheDir the start-up cache folder as far as it is known before Quarkus reads its
     *        configuration ({@code onewindow.cache.dir} as a system property or
     *        {@code ONEWINDOW_CACHE_DIR}, else {@code <data dir>/cache})
     * @param newDatabase the embedded database is about to be created: nothing is published yet, so
     *        this start seeds from the content folders
     */
    void begin(Path cacheDir, boolean newDatabase);

    /** The cache folder {@link #begin} receives. */
    static Path cacheDir() {
        String configured = System.getProperty("onewindow.cache.dir", System.getenv("ONEWINDOW_CACHE_DIR"));
        return configured == null || configured.isBlank() ? DatabaseSettings.dataDir().resolve("cache") : Path.of(configured);
    }
}
