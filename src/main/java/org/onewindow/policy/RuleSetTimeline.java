package org.onewindow.policy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.onewindow.decision.DrlCache;
import org.onewindow.decision.RuleFiles;
import org.onewindow.decision.RuleProblem;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompilationException;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.decision.RuleSetRegistry;
import org.onewindow.decision.RuleSetVersionStore;
import org.onewindow.decision.SpeculativeRuleSet;
import org.onewindow.decision.RulesWatcher;
import org.onewindow.platform.ContentFolder;
import org.onewindow.platform.DatabaseSettings;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps this node's {@link RuleSetRegistry} in step with the published versions in PostgreSQL —
 * the source of truth once the console has published. At the first start the rules folder seeds
 * version 1. Each published version is compiled once on this node (the one in force, the scheduled
 * ones and the last few superseded at once; older ones when an {@code asOf} first needs them) and
 * the timeline is swapped whole. A publish on any node reaches every node through PostgreSQL's
 * LISTEN/NOTIFY, and a periodic check catches what a dropped connection missed (and the start of an
 * effective day). A version this node cannot compile is left out — the previous one keeps serving —
 * and reported in readiness and {@code GET /api/rules}.
 */
@ApplicationScoped
public class RuleSetTimeline {

    private static final Logger LOG = Logger.getLogger(RuleSetTimeline.class);

    @Inject
    ReleaseStore store;

    @Inject
    RuleSetVersionStore versions;

    @Inject
    RuleSetRegistry registry;

    @Inject
    DataSource dataSource;

    @Inject
    RuleSetConsole console;

    @ConfigProperty(name = "onewindow.rules.watch")
    boolean watch;

    /** How many superseded versions stay compiled (for an asOf in the recent past). */
    @ConfigProperty(name = "onewindow.rules.keep-superseded", defaultValue = "2")
    int keepSuperseded;

    /**
     * Where built DRL is kept between starts ({@link DrlCache}); empty: {@code cache} in the data
     * folder ({@code onewindow.data.dir}, {@code ./data}).
     */
    @ConfigProperty(name = "onewindow.cache.dir")
    Optional<String> cacheDir;

    private volatile DrlCache drlCache;
    private volatile java.util.concurrent.CompletableFuture<Void> early;
    private volatile Object earlySeed;

    private final Map<String, RuleSet> compiled = new ConcurrentHashMap<>();
    private final Map<String, RuleSet> older = Collections.synchronizedMap(new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > 4;
        }
    });
    private final Map<String, List<RuleProblem>> failed = new ConcurrentHashMap<>();
    private volatile String loaded;
    private volatile boolean running = true;
    /** Set once {@link #onStart} has installed the timeline; the periodic check waits for it. */
    private volatile boolean started;
    private Thread listener;
    private RulesWatcher watcher;

    /**
     * Compiling the rule set does not need the knowledge base, which loads on the main thread next
     * (priority 10): start the compile on a thread of its own now, so that on two cores a start
     * takes about the longer of the two instead of their sum. {@link #onStart} waits for it before
     * it seeds or refreshes, and then finds the versions compiled (or their problems recorded)
     * exactly as if it had compiled them itself. Priority -1: before Quarkus' own start-up observers
     * (Qute parses every page template at priority 0), so that the compile overlaps them too.
     */
    void compileEarly(@Observes @Priority(-1) StartupEvent event) {
        Path folder = registry.folder();
        ClassLoader loader = Thread.currentThread().getContextClassLoader(); // Drools and the DMN compiler load through it
        early = java.util.concurrent.CompletableFuture.runAsync(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                if (store.anyPublished()) {
                    List<Release> published = store.published();
                    LocalDate today = registry.today();
                    int inForce = inForce(published, today);
                    for (int i = 0; i < published.size(); i++) {
                        Release r = published.get(i);
                        if (eager(i, inForce)) {
                            compile(r.version(), new ArrayList<>(), r.id());
                        }
                    }
                } else {
                    earlySeed = compileFolder(folder);
                }
            } catch (RuntimeException e) {
                // the main thread compiles whatever is missing, and reports what fails
                LOG.debugf("early rule-set compile stopped: %s", e.getMessage());
            } finally {
                thread.setContextClassLoader(before);
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "rulesets-early-compile");
            t.setDaemon(true);
            t.start();
        });
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (early != null) {
            early.join();
            early = null;
        }
        seed();
        refresh();
        SpeculativeRuleSet.discard(); // a head start no version in force took (published while this node was down)
        started = true;
        listener = new Thread(this::listen, "rulesets-listener");
        listener.setDaemon(true);
        listener.start();
        if (watch && !ContentFolder.isPackaged(registry.folder())) {
            watcher = RulesWatcher.start(registry.folder(), () -> console.reloadFolder("watcher"));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        if (watcher != null) {
            watcher.close();
        }
    }

    /** The first start: the rules folder becomes version 1, once, whichever node gets there first. */
    void seed() {
        if (store.anyPublished()) {
            return;
        }
        Object compiledFolder = earlySeed != null ? earlySeed : compileFolder(registry.folder());
        earlySeed = null;
        if (compiledFolder instanceof RuleSetCompilationException e) {
            refuse("the rules folder", e.problems());
            return;
        }
        RuleSet first = (RuleSet) compiledFolder;
        List<RuleProblem> problems = registry.check(first);
        if (!problems.isEmpty()) {
            refuse("the rules folder", problems);
            return;
        }
        versions.activated(first);
        compiled.put(first.version().version(), first);
        if (store.seedOnce(() -> first.version().version(), first.version().effectiveFrom(),
                "the rules folder (" + first.version().name() + ")")) {
            LOG.infof("rule-set version 1 seeded from the rules folder (%s)", first.version().version());
        }
    }

    /** The rules folder compiled: a {@link RuleSet}, or the {@link RuleSetCompilationException} saying why not. */
    private Object compileFolder(Path folder) {
        try {
            Map<String, byte[]> files = RuleFiles.read(folder);
            // on a first start the platform's main began compiling the rules folder: used only for exactly these files
            Optional<RuleSet> early = SpeculativeRuleSet.take(files);
            return early.isPresent() ? early.get() : compiler().compile(files);
        } catch (RuleSetCompilationException e) {
            return e;
        } catch (java.io.IOException e) {
            return new RuleSetCompilationException(List.of(new RuleProblem("rules", 0, "cannot read rules folder")));
        }
    }

    /** A compiler that keeps and reuses DRL builds in the cache folder. */
    private RuleSetCompiler compiler() {
        DrlCache cache = drlCache;
        if (cache == null) {
            cache = drlCache = DrlCache.in(rulesCache());
        }
        return new RuleSetCompiler(cache);
    }

    /** The folder of the compiled-rules cache and of the files remembered for the next start's head start. */
    private Path rulesCache() {
        return cacheDir.filter(d -> !d.isBlank()).map(Path::of)
                .orElseGet(() -> DatabaseSettings.dataDir().resolve("cache")).resolve("rules");
    }

    /**
     * Remembers the files of the version in force for the next start ({@link SpeculativeRuleSet}),
     * as the database returns them — the form that start will compare with. Only when it changed.
     */
    private void rememberForNextStart(String version) {
        if (SpeculativeRuleSet.remembers(version)) {
            return;
        }
        try {
            Optional<Map<String, byte[]>> files = versions.files(version);
            if (files.isPresent()) {
                SpeculativeRuleSet.remember(rulesCache(), files.get());
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debugf("rule files of %s not remembered for the next start: %s", version, e.getMessage());
        }
    }

    private void refuse(String what, List<RuleProblem> problems) {
        registry.problems(problems);
        LOG.errorf("%s did not compile; decisions are unavailable until a version does:%n  %s", what,
                String.join("\n  ", problems.stream().map(RuleProblem::toString).toList()));
    }

    /** A rule set just compiled by the publish gate, so that publishing does not compile it again. */
    void compiled(RuleSet candidate) {
        compiled.put(candidate.version().version(), candidate);
    }

    /** Loads the published versions and swaps the timeline if they changed; otherwise only checks the day. */
    public synchronized void refresh() {
        List<Release> published = store.published();
        LocalDate today = registry.today();
        String key = published.stream().map(r -> r.id() + "@" + r.effectiveFrom()).toList() + "/" + today;
        if (key.equals(loaded)) {
            registry.tick();
            return;
        }
        int inForce = inForce(published, today);
        List<RuleSetRegistry.Slot> slots = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        java.util.Set<String> hot = new java.util.HashSet<>();
        for (int i = 0; i < published.size(); i++) {
            Release r = published.get(i);
            if (eager(i, inForce)) {
                Optional<RuleSet> rules = compile(r.version(), problems, r.id());
                if (rules.isEmpty()) {
                    continue; // not served on this node: the version before it stays in force
                }
                hot.add(r.version());
                slots.add(RuleSetRegistry.Slot.of(rules.get().served(r.id(), r.effectiveFrom())));
            } else {
                slots.add(new RuleSetRegistry.Slot(r.id(), r.effectiveFrom(), r.version(),
                        () -> older(r).orElseThrow(() -> new org.onewindow.decision.RulesUnavailableException(
                                "rule-set version " + r.id() + " does not compile on this node"))));
            }
        }
        compiled.keySet().retainAll(hot);
        registry.install(slots);
        registry.problems(problems);
        loaded = key;
        if (inForce >= 0 && hot.contains(published.get(inForce).version())) {
            rememberForNextStart(published.get(inForce).version());
        }
        store.syncStatuses(statuses(published, today));
    }

    /** The index of the version in force on {@code today}, -1 when none is yet. */
    private static int inForce(List<Release> published, LocalDate today) {
        int inForce = -1;
        for (int i = 0; i < published.size(); i++) {
            if (!published.get(i).effectiveFrom().isAfter(today)) {
                inForce = i;
            }
        }
        return inForce;
    }

    /** Compiled at once: the version in force, the scheduled ones and the last few superseded. */
    private boolean eager(int index, int inForce) {
        return index > inForce || index >= inForce - keepSuperseded;
    }

    /** Refreshes, logging instead of failing (the listener, the periodic check). */
    public void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("rule-set versions not refreshed: %s", e.getMessage());
        }
    }

    @Scheduled(every = "{onewindow.rules.check-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodicCheck() {
        if (!started) {
            // a slow start (a loaded machine) reaches the first check before onStart has joined the
            // early compile: refreshing now would compile the same versions a second time beside it
            return;
        }
        refreshQuietly();
    }

    /** What each published version is on a day: scheduled, the active one, or superseded. */
    static Map<Long, String> statuses(List<Release> published, LocalDate today) {
        Map<Long, String> out = new LinkedHashMap<>();
        Long active = null;
        for (Release r : published) {
            if (!r.effectiveFrom().isAfter(today)) {
                active = r.id();
            }
        }
        for (Release r : published) {
            out.put(r.id(), r.effectiveFrom().isAfter(today) ? Release.SCHEDULED
                    : Long.valueOf(r.id()).equals(active) ? Release.ACTIVE : Release.SUPERSEDED);
        }
        return out;
    }

    private Optional<RuleSet> compile(String version, List<RuleProblem> problems, long id) {
        RuleSet known = compiled.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        List<RuleProblem> earlier = failed.get(version);
        if (earlier != null) {
            problems.addAll(earlier);
            return Optional.empty();
        }
        try {
            Map<String, byte[]> files = versions.files(version).orElseThrow(() -> new RuleSetCompilationException(
                    List.of(new RuleProblem("rules", 0, "the files of version " + version + " are missing"))));
            RuleSet rules;
            try {
                // compiled from the very start of the process when these are exactly the files served last
                Optional<RuleSet> early = SpeculativeRuleSet.take(files);
                rules = early.isPresent() ? early.get() : compiler().compile(files);
            } catch (RuleSetCompilationException e) {
                throw e;
            } catch (RuntimeException e) {
                // whatever the engine throws: this node cannot serve the version, the one before it keeps serving
                throw new RuleSetCompilationException(List.of(new RuleProblem("rules", 0, String.valueOf(e.getMessage()))));
            }
            compiled.put(version, rules);
            return Optional.of(rules);
        } catch (RuleSetCompilationException e) {
            List<RuleProblem> located = new ArrayList<>();
            located.add(new RuleProblem("(version " + id + ")", 0, "rule-set version " + id + " (" + version
                    + ") does not compile on this node; the version before it keeps serving"));
            located.addAll(e.problems());
            failed.put(version, located);
            problems.addAll(located);
            LOG.errorf("rule-set version %d (%s) does not compile on this node: %s", id, version, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<RuleSet> older(Release r) {
        RuleSet known = older.get(r.version());
        if (known == null) {
            List<RuleProblem> ignored = new ArrayList<>();
            synchronized (older) {
                known = older.get(r.version());
                if (known == null) {
                    Optional<RuleSet> rules = compileUncached(r.version(), ignored, r.id());
                    if (rules.isEmpty()) {
                        return Optional.empty();
                    }
                    known = rules.get();
                    older.put(r.version(), known);
                }
            }
        }
        return Optional.of(known.served(r.id(), r.effectiveFrom()));
    }

    private Optional<RuleSet> compileUncached(String version, List<RuleProblem> problems, long id) {
        Optional<RuleSet> rules = compile(version, problems, id);
        rules.ifPresent(r -> compiled.remove(version));
        return rules;
    }

    /** LISTEN on a connection of its own; after any failure, reconnect and catch up. */
    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                PGConnection pg = c.unwrap(PGConnection.class);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + ReleaseStore.CHANNEL);
                }
                refreshQuietly(); // whatever was published while this node was not listening
                while (running) {
                    PGNotification[] notes = pg.getNotifications(5_000);
                    if (notes != null && notes.length > 0) {
                        refreshQuietly();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.debugf("rule-set listener reconnects: %s", e.getMessage());
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
