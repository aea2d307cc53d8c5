package org.onewindow.decision;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

import io.quarkus.runtime.StartupEvent;

/**
 * Holds the compiled rule sets that serve decisions: the published versions a node has compiled,
 * each in force from the start of its effective day in the district's zone ({@code onewindow.zone})
 * until a later one takes over. The version in force is looked up by day on every call, so a
 * version scheduled for tomorrow serves from midnight without anyone swapping it; {@link #tick()}
 * tells listeners (the search index) when that happened. The timeline is replaced whole, with one
 * atomic swap; who compiles, checks and publishes versions is the policy console's business.
 */
@ApplicationScoped
public class RuleSetRegistry {

    private static final Logger LOG = Logger.getLogger(RuleSetRegistry.class);
    /** Published versions by effective day, then by publishing order: the last one on or before a day is in force. */
    private static final Comparator<Slot> ORDER = Comparator.comparing(Slot::from).thenComparing(Slot::id);

    /**
     * A published version on the timeline: its number, its first day, and its compiled rules — at
     * hand for the versions in force, scheduled or recently superseded, compiled once on first use
     * for older ones (an {@code asOf} far back).
     */
    public record Slot(long id, LocalDate from, String version, java.util.function.Supplier<RuleSet> rules) {

        /** A slot for a rule set compiled already (its version carries id and day). */
        public static Slot of(RuleSet compiled) {
            RuleSetVersion v = compiled.version();
            return new Slot(v.id() == null ? 0L : v.id(), v.effectiveFrom(), v.version(), () -> compiled);
        }
    }

    @ConfigProperty(name = "onewindow.rules.dir")
    String configuredDir;

    @Inject
    Instance<RuleSetCheck> checks;

    @Inject
    Event<RuleSetVersion> published;

    @Inject
    Clock clock;

    private final AtomicReference<List<Slot>> timeline = new AtomicReference<>(List.of());
    private volatile List<RuleProblem> lastProblems = List.of();
    private volatile String inForce;
    private volatile Path folder;

    void onStart(@Observes @Priority(15) StartupEvent event) {
        folder();
    }

    /**
     * The checks every candidate must pass besides compiling (intake's contract and the quality
     * gate), contributed by the services that depend on the rules.
     */
    public List<RuleProblem> check(RuleSet candidate) {
        List<RuleProblem> problems = new ArrayList<>();
        checks.forEach(check -> problems.addAll(check.check(candidate)));
        return problems;
    }

    /** Serves these published versions from now on (each from its effective day); one atomic swap. */
    public synchronized void install(List<Slot> versions) {
        List<Slot> sorted = new ArrayList<>(versions);
        sorted.sort(ORDER);
        timeline.set(List.copyOf(sorted));
        tick();
    }

    /**
     * Tells listeners when the version in force has changed (after an install, or because its
     * effective day has begun); called after every install and by the policy console's periodic check.
     */
    public synchronized void tick() {
        Optional<RuleSet> now = inForce(today());
        String key = now.map(r -> r.version().version() + "#" + r.version().id()).orElse(null);
        // fired even when only the number changed (a rollback serves known content under a new number)
        if (key != null && !key.equals(inForce)) {
            inForce = key;
            RuleSetVersion v = now.get().version();
            LOG.infof("rule set %s (version %s, effective %s) now serves %d models", v.version(), v.id(),
                    v.effectiveFrom(), now.get().models().size());
            published.fire(v);
        }
    }

    /** Problems of versions this node could not compile or refused (empty when everything serves). */
    public void problems(List<RuleProblem> problems) {
        lastProblems = List.copyOf(problems);
    }

    /** The rule set in force today, in the district's zone. */
    public RuleSet current() {
        return inForce(today()).orElseThrow(() -> new RulesUnavailableException(timeline.get().isEmpty()
                ? "no rule set has compiled yet: " + lastProblems
                : "no rule set is in force on " + today()));
    }

    /** The rule set in force on a day: the last published before or on it. */
    public Optional<RuleSet> inForce(LocalDate day) {
        return slot(day).map(s -> s.rules().get());
    }

    /** The published version in force on a day, without compiling it. */
    public Optional<Slot> slot(LocalDate day) {
        Slot found = null;
        for (Slot s : timeline.get()) {
            if (!s.from().isAfter(day)) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every version this node serves, by effective day. */
    public List<Slot> timeline() {
        return timeline.get();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The district's zone ({@code onewindow.zone}): a version takes effect at the start of its day there. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    public boolean ready() {
        return slot(today()).isPresent();
    }

    /** Problems of the last refused publication, or of a version this node could not compile. */
    public List<RuleProblem> lastProblems() {
        return lastProblems;
    }

    /** The rules folder: the first version's source, where scenarios live, where versions are exported to. */
    public Path folder() {
        if (folder == null) {
            folder = ContentFolder.resolve(configuredDir, "rules", RuleSetCompiler.MANIFEST);
        }
        return folder;
    }
}
