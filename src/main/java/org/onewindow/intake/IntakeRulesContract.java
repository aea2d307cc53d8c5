package org.onewindow.intake;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.kie.dmn.api.core.DMNModel;
import org.onewindow.decision.RuleProblem;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCheck;

/**
 * Refuses a rule set that compiles but lacks a model, decision or input that intake reads — a
 * renamed decision would otherwise surface as a failure at the window, not at publish time.
 */
@ApplicationScoped
public class IntakeRulesContract implements RuleSetCheck {

    @Override
    public List<RuleProblem> check(RuleSet candidate) {
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
        return problems;
    }
}
