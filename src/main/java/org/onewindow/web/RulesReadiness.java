package org.onewindow.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.onewindow.decision.RuleSetRegistry;

/** Ready only when a rule set has compiled (the database check comes with the datasource). */
@Readiness
@ApplicationScoped
public class RulesReadiness implements HealthCheck {

    @Inject
    RuleSetRegistry rules;

    @Override
    public HealthCheckResponse call() {
        if (!rules.ready()) {
            return HealthCheckResponse.named("rule-set").down()
                    .withData("problems", String.valueOf(rules.lastProblems())).build();
        }
        return HealthCheckResponse.named("rule-set").up()
                .withData("version", rules.current().version().version())
                .withData("effectiveFrom", String.valueOf(rules.current().version().effectiveFrom()))
                .withData("id", String.valueOf(rules.current().version().id()))
                .withData("lastReloadRefused", !rules.lastProblems().isEmpty())
                // a published version this node could not compile: the one before it keeps serving
                .withData("problems", rules.lastProblems().isEmpty() ? "none" : String.valueOf(rules.lastProblems()))
                .build();
    }
}
