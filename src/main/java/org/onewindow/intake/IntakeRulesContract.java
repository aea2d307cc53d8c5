package org.onewindow.intake;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.kie.dmn.api.core.DMNModel;
import org.onewindow.decision.RuleProblem;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCheck;
import org.onewindow.guide.CatalogueRegistry;

/**
 * Refuses a rule set that compiles but would make intake answer wrongly: a missing model, decision,
 * input or rule unit that intake reads, a matter no window row routes (or routes to another department's
 * dedicated window), a row naming a matter, material, department, event or question that does not
 * exist. Such an edit would otherwise surface at the window, not at publish time.
 */
@ApplicationScoped
public class IntakeRulesContract implements RuleSetCheck {

    @Inject
    CatalogueRegistry catalogues;

    /**
     * Whether a DMN model states intake policy (routing, materials, tolerance, life events, results):
     * the scenarios exercise these; any other model is only served on the decision endpoints.
     */
    public static boolean policyModel(String model) {
        return IntakeModels.isPolicyModel(model);
    }

    @Override
    public List<RuleProblem> check(RuleSet candidate) {
        List<RuleProblem> problems = structure(candidate);
        if (problems.isEmpty() && catalogues.ready()) {
            new QualityGate(catalogues.current(), candidate).run().blockingProblems()
                    .forEach(p -> problems.add(new RuleProblem("(knowledge base and rules)", 0, p)));
        }
        return problems;
    }

    private static List<RuleProblem> structure(RuleSet candidate) {
        List<RuleProblem> problems = new ArrayList<>();
        for (String[] required : IntakeModels.REQUIRED) {
            String model = required[0];
            String decision = required[1];
            DMNModel dmn = candidate.model(model).orElse(null);
            if (dmn == null) {
                problems.add(new RuleProblem(model + ".dmn", 0, "intake needs a DMN model named '" + model + "'"));
                continue;
            }
            String file = dmn.getResource() == null ? model + ".dmn" : dmn.getResource().getSourcePath();
            if (dmn.getDecisionByName(decision) == null) {
                problems.add(new RuleProblem(file, 0, "intake needs decision '" + decision + "' in model '" + model + "'"));
            }
            for (int i = 2; i < required.length; i++) {
                if (dmn.getInputByName(required[i]) == null) {
                    problems.add(new RuleProblem(file, 0, "decision '" + decision + "' must take input data '"
                            + required[i] + "'"));
                }
            }
        }
        if (candidate.drlRules().map(d -> !d.has(org.onewindow.decision.units.BundlePolicy.class)
                || !d.has(org.onewindow.decision.units.CompletenessCheck.class)).orElse(true)) {
            problems.add(new RuleProblem("*.drl", 0, "intake needs the rule units BundlePolicy (bundle.drl) and "
                    + "CompletenessCheck (completeness.drl)"));
        }
        return problems;
    }
}
