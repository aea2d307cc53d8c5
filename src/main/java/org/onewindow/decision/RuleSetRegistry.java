package org.onewindow.decision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.onewindow.platform.ContentFolder;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Holds the rule set that serves decisions. A reload compiles the rules folder into a complete new
 * {@link RuleSet}, runs the {@link RuleSetCheck}s and publishes it with one atomic swap; if
 * anything fails, the previous rule set keeps serving and the problems are kept for the operator.
 * Listeners (the search index) are told about each newly published version.
 */
@ApplicationScoped
public class RuleSetRegistry {

    private static final Logger LOG = Logger.getLogger(RuleSetRegistry.class);

    @ConfigProperty(name = "onewindow.rules.dir")
    String configuredDir;

    @ConfigProperty(name = "onewindow.rules.watch")
    boolean watch;

    @Inject
    Instance<RuleSetCheck> checks;

    @Inject
    RuleSetVersionStore versions;

    @Inject
    Event<RuleSetVersion> published;

    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private volatile List<RuleProblem> lastProblems = List.of();
    private volatile Path folder;
    private RulesWatcher watcher;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        folder = ContentFolder.resolve(configuredDir, "rules", RuleSetCompiler.MANIFEST);
        ReloadResult result = reload();
        if (!result.published()) {
            LOG.errorf("rules in %s did not compile; decisions are unavailable until they do:%n  %s", folder,
                    String.join("\n  ", result.problems().stream().map(RuleProblem::toString).toList()));
        }
        if (watch && !ContentFolder.isPackaged(folder)) {
            watcher = RulesWatcher.start(folder, this::reload);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.close();
        }
    }

    /** Recompiles the rules folder; publishes the result only if it compiles and passes every check. */
    public synchronized ReloadResult reload() {
        RuleSet candidate;
        try {
            candidate = new RuleSetCompiler().compile(folder);
        } catch (RuleSetCompilationException e) {
            return refuse(e.problems());
        }
        List<RuleProblem> problems = new ArrayList<>();
        checks.forEach(check -> problems.addAll(check.check(candidate)));
        if (!problems.isEmpty()) {
            return refuse(problems);
        }
        versions.activated(candidate);
        current.set(candidate);
        lastProblems = List.of();
        LOG.infof("rule set %s (%s, effective %s) now serves %d models", candidate.version().version(),
                candidate.version().name(), candidate.version().effectiveFrom(), candidate.models().size());
        published.fire(candidate.version());
        return new ReloadResult(true, candidate.version(), List.of());
    }

    private ReloadResult refuse(List<RuleProblem> problems) {
        lastProblems = List.copyOf(problems);
        RuleSet serving = current.get();
        LOG.warnf("rule set refused, %s keeps serving:%n  %s",
                serving == null ? "nothing" : serving.version().version(),
                String.join("\n  ", problems.stream().map(RuleProblem::toString).toList()));
        return new ReloadResult(false, serving == null ? null : serving.version(), lastProblems);
    }

    /** The serving rule set. */
    public RuleSet current() {
        RuleSet ruleSet = current.get();
        if (ruleSet == null) {
            throw new RulesUnavailableException("no rule set has compiled yet: " + lastProblems);
        }
        return ruleSet;
    }

    public boolean ready() {
        return current.get() != null;
    }

    /** Problems of the last refused reload (empty after a successful one). */
    public List<RuleProblem> lastProblems() {
        return lastProblems;
    }

    public Path folder() {
        return folder;
    }
}
