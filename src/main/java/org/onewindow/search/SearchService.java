package org.onewindow.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.onewindow.decision.RuleSetRegistry;
import org.onewindow.decision.RuleSetVersion;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.MatterWindows;
import org.onewindow.platform.DatabaseSettings;

import io.quarkus.runtime.StartupEvent;

/**
 * Serves search from the current {@link SearchIndex}. The index is built after the knowledge base
 * and the rules (the window filter needs the window-routing table), and rebuilt whole, then
 * swapped, whenever either is republished.
 */
@ApplicationScoped
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class);

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    RuleSetRegistry rules;

    @Inject
    MatterWindows windows;

    /** Matches are counted exactly up to this many; past it pages say "more than" (docs/architecture.md). */
    @ConfigProperty(name = "onewindow.search.count-limit", defaultValue = "" + SearchIndex.COUNT_LIMIT)
    int countLimit;

    /** The cache folder ({@code onewindow.cache.dir}; empty: {@code cache} in the data folder). */
    @ConfigProperty(name = "onewindow.cache.dir")
    Optional<String> cacheDir;

    private IndexFolders folders;

    private final AtomicReference<SearchIndex> current = new AtomicReference<>();
    private SearchIndex retired;
    private volatile boolean started;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        started = true;
        rebuild();
    }

    void onCatalogue(@Observes Catalogue catalogue) {
        if (started) {
            rebuild();
        }
    }

    void onRules(@Observes RuleSetVersion version) {
        if (started) {
            rebuild();
        }
    }

    /** Builds a new index from the serving knowledge base and rules; keeps the old one if it cannot. */
    public synchronized void rebuild() {
        if (!catalogues.ready() || !rules.ready()) {
            LOG.warn("search index not built: knowledge base or rules unavailable");
            return;
        }
        long started = System.nanoTime();
        Catalogue catalogue = catalogues.current();
        if (folders == null) {
            folders = IndexFolders.cachedIn(cacheDir.filter(d -> !d.isBlank()).map(Path::of)
                    .orElseGet(() -> DatabaseSettings.dataDir().resolve("cache")).resolve("search"));
        }
        SearchIndex index = SearchIndex.build(SearchEntries.of(catalogue, windows.windows(catalogue)),
                catalogue.synonyms(), SearchIndex.Options.ALL, countLimit, folders);
        SearchIndex old = current.getAndSet(index);
        LOG.infof("search index of %d matters and life events %s in %d ms", index.size(),
                index.fromCache() ? "opened from the cache" : "built", (System.nanoTime() - started) / 1_000_000);
        // a search may still be reading the index just replaced: close it one generation later
        if (retired != null) {
            retired.close();
        }
        retired = old;
    }

    public boolean ready() {
        return current.get() != null;
    }

    public SearchResult search(String text, int limit, String window, String department) {
        return index().search(text, limit, window, department);
    }

    /** One page of results from {@code offset}. */
    public SearchResult search(String text, int limit, int offset, String window, String department) {
        return index().search(text, limit, offset, window, department);
    }

    public List<String> suggest(String prefix, int limit) {
        return index().suggest(prefix, limit);
    }

    private SearchIndex index() {
        SearchIndex index = current.get();
        if (index == null) {
            throw new SearchUnavailableException("the search index is not built yet");
        }
        return index;
    }
}
