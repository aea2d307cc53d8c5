package org.onewindow.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts decisions for the operators' dashboards ({@code onewindow_decisions_total} at /q/metrics),
 * by model, rule-set version and window. An intake decision counts once under the model name
 * {@code intake} (it consults all the intake models); a call to a Kogito-compatible endpoint under
 * its model's name, with no window. Tags never carry anything about the applicant.
 */
@ApplicationScoped
public class DecisionMetrics {

    public static final String NAME = "onewindow.decisions";
    public static final String INTAKE = "intake";

    @Inject
    MeterRegistry registry;

    private final java.util.Map<java.util.List<String>, io.micrometer.core.instrument.Counter> counters =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A recorded intake decision. */
    public void recorded(Outcome outcome) {
        count(INTAKE, outcome.ruleSet() == null ? "none" : outcome.ruleSet().version(),
                outcome.window() == null ? "none" : outcome.window().code());
    }

    public void count(String model, String ruleSetVersion, String window) {
        // looked up once per combination: building the id and sorting its tags on every decision was
        // ~4 % of an evaluate request; the combinations are few (models × versions × windows)
        counters.computeIfAbsent(java.util.List.of(model, ruleSetVersion, window),
                k -> registry.counter(NAME, "model", model, "ruleset", ruleSetVersion, "window", window)).increment();
    }
}
