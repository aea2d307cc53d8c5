package org.onewindow.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.decision.Evaluation;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetRegistry;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Matter;

/**
 * The window of every matter, as the serving window-routing table decides it — the catalogue
 * listing shows and filters by it. Computed once per (knowledge base, rule set) pair.
 */
@ApplicationScoped
public class MatterWindows {

    private record Cached(String catalogueVersion, String rulesVersion, Map<String, String> windows) {
    }

    @Inject
    RuleSetRegistry rules;

    private final AtomicReference<Cached> cache = new AtomicReference<>();

    public Map<String, String> windows(Catalogue catalogue) {
        RuleSet ruleSet = rules.current();
        Cached cached = cache.get();
        if (cached != null && cached.catalogueVersion().equals(catalogue.version())
                && cached.rulesVersion().equals(ruleSet.version().version())) {
            return cached.windows();
        }
        Map<String, String> windows = new LinkedHashMap<>();
        for (Matter matter : catalogue.matters()) {
            Evaluation eval = ruleSet.evaluate(IntakeModels.WINDOW_MODEL, IntakeModels.WINDOW_DECISION,
                    Map.of("Matter", DecisionInputs.matter(matter)));
            windows.put(matter.code(), eval.matched() ? String.valueOf(eval.result()) : null);
        }
        Map<String, String> result = java.util.Collections.unmodifiableMap(windows);
        cache.set(new Cached(catalogue.version(), ruleSet.version().version(), result));
        return result;
    }
}
