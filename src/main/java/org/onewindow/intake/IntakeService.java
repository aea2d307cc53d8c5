package org.onewindow.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.decision.RuleSetRegistry;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.library.MaterialLibrary;
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

    @Inject
    MaterialLibrary library;

    @Inject
    DecisionMetrics metrics;

    public Outcome evaluate(JsonNode body) {
        Catalogue catalogue = catalogues.current();
        Situation situation = new SituationReader(catalogue).read(body);
        return record(situation, decide(catalogue, situation));
    }

    /**
     * Decides a situation with the applicant's shared material library: valid materials kept for
     * this applicant are marked "we already have these" (an anonymous applicant has none).
     */
    public Outcome decide(Catalogue catalogue, Situation situation) {
        return decider(catalogue).decide(situation, holdings(situation));
    }

    /** The material codes the library holds, still valid, for the situation's applicant on its date. */
    public java.util.Set<String> holdings(Situation situation) {
        java.time.LocalDate asOf = situation.asOf() != null ? situation.asOf() : java.time.LocalDate.now();
        return library.holdings(situation.applicant().id(), asOf).keySet();
    }

    /** Stores a decision for audit and returns it with its id and notice reference. */
    public Outcome record(Situation situation, Outcome outcome) {
        Outcome recorded = log.record(situation, outcome);
        metrics.recorded(recorded);
        return recorded;
    }

    /** A recorded decision by the reference on its notice. */
    public java.util.Optional<DecisionLog.Recorded> find(String reference) {
        return log.find(References.parse(reference));
    }

    private record Domains(String catalogueVersion, String rulesVersion, QuestionDomains domains) {
    }

    private final java.util.concurrent.atomic.AtomicReference<Domains> domains = new java.util.concurrent.atomic.AtomicReference<>();

    /** A decider over the serving snapshots (both are immutable; a reload mid-request is harmless). */
    public IntakeDecider decider(Catalogue catalogue) {
        org.onewindow.decision.RuleSet ruleSet = rules.current();
        return new IntakeDecider(catalogue, ruleSet, domains(catalogue, ruleSet), messages("zh"), messages("en"));
    }

    /** The question domains of the serving knowledge base and rule set. */
    public QuestionDomains domains(Catalogue catalogue) {
        return domains(catalogue, rules.current());
    }

    /** Question domains depend on both snapshots; computed once per pair. */
    private QuestionDomains domains(Catalogue catalogue, org.onewindow.decision.RuleSet ruleSet) {
        Domains cached = domains.get();
        if (cached != null && cached.catalogueVersion().equals(catalogue.version())
                && cached.rulesVersion().equals(ruleSet.version().version())) {
            return cached.domains();
        }
        Domains fresh = new Domains(catalogue.version(), ruleSet.version().version(),
                new QuestionDomains(catalogue, ruleSet));
        domains.set(fresh);
        return fresh.domains();
    }

    static Messages messages(String locale) {
        return MessageBundles.get(Messages.class, Localized.Literal.of(locale));
    }
}
