package org.onewindow.guide;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.onewindow.platform.ContentFolder;
import org.onewindow.platform.DatabaseSettings;

import io.quarkus.runtime.StartupEvent;

/**
 * Holds the loaded knowledge base. A reload builds and validates a complete new {@link Catalogue}
 * and swaps it in; a knowledge base with problems is refused and the previous one keeps serving.
 * Listeners (the search index) are told about each newly published catalogue.
 */
@ApplicationScoped
public class CatalogueRegistry {

    private static final Logger LOG = Logger.getLogger(CatalogueRegistry.class);

    @ConfigProperty(name = "onewindow.kb.dir")
    String configuredDir;

    /**
     * Where the loaded knowledge base is kept between starts ({@link KnowledgeBaseCache}); empty:
     * {@code cache} in the data folder ({@code onewindow.data.dir}, {@code ./data}).
     */
    @ConfigProperty(name = "onewindow.cache.dir")
    Optional<String> cacheDir;

    @Inject
    Event<Catalogue> published;

    private final AtomicReference<Catalogue> current = new AtomicReference<>();
    private volatile List<KbProblem> lastProblems = List.of();
    private volatile Path folder;
    private volatile KnowledgeBaseCache cache;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        folder = ContentFolder.resolve(configuredDir, "knowledge-base", "windows.yaml");
        cache = KnowledgeBaseCache.in(cacheDir.filter(d -> !d.isBlank()).map(Path::of)
                .orElseGet(() -> DatabaseSettings.dataDir().resolve("cache")).resolve("knowledge-base"));
        reload();
    }

    /** Reloads the knowledge base; returns the problems (empty when the new catalogue serves). */
    public synchronized List<KbProblem> reload() {
        try {
            KnowledgeBaseCache.Loaded loaded = (cache == null ? KnowledgeBaseCache.none() : cache)
                    .load(folder, root -> new KnowledgeBaseLoader().load(root));
            Catalogue catalogue = loaded.catalogue();
            current.set(catalogue);
            lastProblems = List.of();
            LOG.infof("knowledge base %s: %d matters, %d life events, %d materials, %d questions%s",
                    catalogue.version(), catalogue.matters().size(), catalogue.events().size(),
                    catalogue.materials().size(), catalogue.questions().size(),
                    loaded.fromCache() ? " (from the cache)" : "");
            published.fire(catalogue);
            return List.of();
        } catch (KnowledgeBaseException e) {
            lastProblems = e.problems();
            LOG.error(e.getMessage());
            return e.problems();
        }
    }

    public Catalogue current() {
        Catalogue catalogue = current.get();
        if (catalogue == null) {
            throw new IllegalStateException("the knowledge base has not loaded: " + lastProblems);
        }
        return catalogue;
    }

    public boolean ready() {
        return current.get() != null;
    }

    public List<KbProblem> lastProblems() {
        return lastProblems;
    }

    public Path folder() {
        return folder;
    }
}
