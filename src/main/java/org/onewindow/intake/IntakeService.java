package org.onewindow.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.decision.RuleSetRegistry;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.platform.Messages;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Intake as the outside world sees it: read and validate a situation, decide it against the
 * serving knowledge base and rule set, record the decision. Knows no HTTP and no SQL.
 */
@ApplicationScoped
public class IntakeService {

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    RuleSetRegistry rules;

    @Inject
    DecisionLog log;

    public Outcome evaluate(JsonNode body) {
        Catalogue catalogue = catalogues.current();
        Situation situation = new SituationReader(catalogue).read(body);
        Outcome outcome = decider(catalogue).decide(situation);
        return outcome.withDecisionId(log.record(situation, outcome));
    }

    /** A decider over the serving snapshots (both are immutable; a reload mid-request is harmless). */
    public IntakeDecider decider(Catalogue catalogue) {
        return new IntakeDecider(catalogue, rules.current(), messages("zh"), messages("en"));
    }

    static Messages messages(String locale) {
        return MessageBundles.get(Messages.class, Localized.Literal.of(locale));
    }
}
