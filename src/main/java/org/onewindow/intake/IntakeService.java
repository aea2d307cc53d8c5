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
    CreditRegistry credit;

    @Inject
    DecisionMetrics metrics;

    @Inject
    java.time.Clock clock;

    /**
     * Decides and records a situation for a caller: the applicant's library is consulted only
     * when {@code access} allows it (staff, or the applicant themselves, signed in and verified).
     */
    public Outcome evaluate(JsonNode body, LibraryAccess access) {
        return evaluateAnswer(body, access).outcome();
    }

    /**
     * As {@link #evaluate}, with the JSON answer written from the same bytes as the record (one
     * serialisation of the outcome per request).
     */
    public DecisionLog.Answer evaluateAnswer(JsonNode body, LibraryAccess access) {
        DecisionLog.Answer answer = log.recordAnswer(prepare(body, access));
        metrics.recorded(answer.outcome());
        return answer;
    }

    /**
     * What {@link #evaluateAnswer} records and answers, decided (or taken from the memo) but not
     * yet recorded. May wait: for the credit registry, the applicant's library, building a decider.
     */
    public DecisionLog.Prepared prepare(JsonNode body, LibraryAccess access) {
        Catalogue catalogue = catalogues.current();
        // credited once: each crediting is a registry look-up (a brief cache, see CreditRegistry#lookupRecent)
        Situation situation = credited(new SituationReader(catalogue).read(body), true);
        java.util.Set<String> holdings = access.allows(situation.applicant().id())
                ? java.util.Set.copyOf(holdings(situation)) : java.util.Set.of();
        Decider serving = serving(catalogue, situation.asOf());
        DecisionLog.Prepared prepared;
        if (serving.memo() == null) {
            prepared = log.prepare(situation, serving.decider().decide(situation, holdings));
        } else {
            java.time.LocalDate day = situation.asOf() != null ? situation.asOf() : java.time.LocalDate.now(clock);
            prepared = serving.memo().get(new OutcomeMemo.Key(situation, day, holdings));
            if (prepared == null) {
                prepared = log.prepare(situation, serving.decider().decide(situation, holdings));
                // keyed by the day the decision was made for (the clock may have passed midnight since)
                serving.memo().put(new OutcomeMemo.Key(situation, prepared.outcome().asOf(), holdings), prepared);
            }
        }
        return prepared;
    }

    /**
     * What {@link #prepare} would give, if it can be had without waiting for anything: the
     * applicant's credit known without a registry look-up (anonymous, or in the brief cache), no
     * library to consult, the serving decider built, and its memo holding this situation. Empty
     * otherwise — then {@link #prepare} (on a thread that may wait). Bad input fails as in
     * {@link #prepare}. For the evaluate API on the event loop.
     */
    public java.util.Optional<DecisionLog.Prepared> prepareWithoutWaiting(JsonNode body, LibraryAccess access) {
        Catalogue catalogue = catalogues.current();
        Situation read = new SituationReader(catalogue).read(body);
        java.time.LocalDate day = read.asOf() != null ? read.asOf() : java.time.LocalDate.now(clock);
        java.util.Optional<CreditStanding> standing = credit.recentWithoutWaiting(read.applicant().id(), day);
        Decider serving = decider.get();
        if (standing.isEmpty() || serving == null || serving.memo() == null || serving.catalogue() != catalogue
                || serving.ruleSet() != ruleSet(read.asOf())) {
            return java.util.Optional.empty();
        }
        Situation situation = credited(read, standing.get());
        if (access.allows(situation.applicant().id())) {
            return java.util.Optional.empty(); // the library is a look-up
        }
        return java.util.Optional.ofNullable(serving.memo().get(new OutcomeMemo.Key(situation, day, java.util.Set.of())));
    }

    /**
     * Records a prepared decision and answers it as {@link #evaluateAnswer} does, without waiting:
     * the answer completes on {@code answering} once the record is committed, never before.
     */
    public java.util.concurrent.CompletionStage<DecisionLog.Answer> recordLater(DecisionLog.Prepared prepared,
            java.util.concurrent.Executor answering) {
        return log.recordAnswerLater(prepared, answering).thenApply(answer -> {
            metrics.recorded(answer.outcome());
            return answer;
        });
    }

    /**
     * The situation with the applicant's credit status from the credit registry, not the caller's
     * claim: a caller may declare a bad record, never a good one (an anonymous applicant is
     * {@code unknown}).
     */
    public Situation credited(Situation situation) {
        return credited(situation, false);
    }

    /**
     * As {@link #credited(Situation)}; {@code recent} accepts the registry's brief cache (the
     * evaluate API, which only advises): a listing is seen as soon as it is imported, but a
     * registry that became unreachable a moment ago may still answer from the cache. Acceptance
     * and casework ask the registry itself.
     */
    private Situation credited(Situation situation, boolean recent) {
        Applicant a = situation.applicant();
        java.time.LocalDate day = situation.asOf() != null ? situation.asOf() : java.time.LocalDate.now(clock);
        return credited(situation, recent ? credit.lookupRecent(a.id(), day) : credit.lookup(a.id(), day));
    }

    private static Situation credited(Situation situation, CreditStanding registry) {
        Applicant a = situation.applicant();
        String status = registry.withDeclared(a.creditStatus()).status();
        return status.equals(a.creditStatus()) ? situation : new Situation(situation.matters(), situation.event(),
                situation.answers(), new Applicant(a.type(), a.id(), status), situation.asOf());
    }

    /** The registry's answer for an applicant (with a declared bad record standing), and where it came from. */
    public CreditStanding standing(Applicant applicant, java.time.LocalDate asOf) {
        java.time.LocalDate day = asOf != null ? asOf : java.time.LocalDate.now(clock);
        return credit.lookup(applicant.id(), day).withDeclared(applicant.creditStatus());
    }

    /**
     * Decides a situation with the applicant's shared material library, for staff (the desk):
     * valid materials kept for this applicant are marked "we already have these".
     */
    public Outcome decide(Catalogue catalogue, Situation situation) {
        return decide(catalogue, situation, LibraryAccess.STAFF);
    }

    /**
     * Decides a situation for a caller: the library is consulted only when {@code access} allows
     * it for this applicant; otherwise the answer is what anyone would be told (nothing in it says
     * what the applicant holds).
     */
    public Outcome decide(Catalogue catalogue, Situation situation, LibraryAccess access) {
        Situation credited = credited(situation);
        return decider(catalogue, situation.asOf()).decide(credited, access.allows(credited.applicant().id())
                ? holdings(credited) : java.util.Set.of());
    }

    /**
     * What the tolerance table decides for one material of one matter were it on the matter's
     * tolerance list: the deadline (and margin) the rules set for a supervisor-approved override,
     * or the row that refuses it. Empty when the matter or material is unknown.
     */
    public java.util.Optional<ToleranceRuling> toleranceIfListed(Catalogue catalogue, Applicant applicant,
            String matterCode, String materialCode) {
        org.onewindow.guide.Matter matter = catalogue.matter(matterCode).orElse(null);
        org.onewindow.guide.MatterMaterial row = matter == null ? null : matter.material(materialCode);
        if (row == null) {
            return java.util.Optional.empty();
        }
        java.util.Map<String, Object> material = DecisionInputs.material(row,
                catalogue.material(materialCode).orElseThrow());
        material.put("tolerable", true);
        org.onewindow.decision.Evaluation eval = rules.current().evaluate(IntakeModels.TOLERANCE_MODEL,
                IntakeModels.TOLERANCE_DECISION, java.util.Map.of("Applicant", DecisionInputs.applicant(applicant),
                        "Material", material, "Matter", DecisionInputs.matter(matter))).orFail();
        boolean tolerable = false;
        Integer days = null;
        if (eval.result() instanceof java.util.Map<?, ?> tolerance) {
            tolerable = Boolean.TRUE.equals(tolerance.get("tolerable"));
            days = tolerance.get("deadlineDays") instanceof Number n ? n.intValue() : null;
        }
        org.onewindow.decision.FiredRow fired = eval.fired().isEmpty() ? null : eval.fired().get(0);
        return java.util.Optional.of(new ToleranceRuling(tolerable && days != null && days > 0, days,
                fired == null ? null : fired.reference(), fired == null ? null : fired.reason(),
                fired == null ? null : fired.reasonEn(), fired == null ? null : fired.basis()));
    }

    /** The material codes the library holds, still valid, for the situation's applicant on its date. */
    public java.util.Set<String> holdings(Situation situation) {
        java.time.LocalDate asOf = situation.asOf() != null ? situation.asOf() : java.time.LocalDate.now(clock);
        return library.holdings(situation.applicant().id(), asOf).keySet();
    }

    /** Stores a decision for audit and returns it with its id and notice reference. */
    public Outcome record(Situation situation, Outcome outcome) {
        Outcome recorded = log.record(credited(situation), outcome);
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

    /** A decider, and the memo of its prepared decisions (null for a decider that is not kept). */
    private record Decider(Catalogue catalogue, org.onewindow.decision.RuleSet ruleSet, IntakeDecider decider,
            OutcomeMemo memo) {
    }

    /** About how much memory the evaluate API's memo of prepared decisions may hold (0: none). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "onewindow.intake.outcome-memo-mb", defaultValue = "48")
    long outcomeMemoMb;

    private final java.util.concurrent.atomic.AtomicReference<Decider> decider = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * A decider over the serving snapshots (both are immutable; a reload mid-request is harmless),
     * one per pair of snapshots: it keeps the evaluations that are fixed within them.
     */
    public IntakeDecider decider(Catalogue catalogue) {
        return decider(catalogue, null);
    }

    /**
     * A decider with the rule set in force on {@code asOf} (today when null). The one over the
     * serving snapshots is kept (it memoises the evaluations fixed within them); a decider for
     * another day's rule set is built when asked for.
     */
    public IntakeDecider decider(Catalogue catalogue, java.time.LocalDate asOf) {
        return serving(catalogue, asOf).decider();
    }

    private Decider serving(Catalogue catalogue, java.time.LocalDate asOf) {
        org.onewindow.decision.RuleSet ruleSet = ruleSet(asOf);
        Decider cached = decider.get();
        if (cached != null && cached.catalogue() == catalogue && cached.ruleSet() == ruleSet) {
            return cached;
        }
        IntakeDecider fresh = new IntakeDecider(catalogue, ruleSet, domains(catalogue, ruleSet), messages("zh"),
                messages("en"), clock);
        if (ruleSet != rules.current()) {
            return new Decider(catalogue, ruleSet, fresh, null);
        }
        Decider kept = new Decider(catalogue, ruleSet, fresh,
                outcomeMemoMb > 0 ? new OutcomeMemo(outcomeMemoMb * 1024 * 1024) : null);
        decider.set(kept);
        return kept;
    }

    /**
     * The rule set in force on a day (today when null): a version published for tomorrow decides
     * tomorrow's situations, the one it replaces today's.
     */
    public org.onewindow.decision.RuleSet ruleSet(java.time.LocalDate asOf) {
        if (asOf == null) {
            return rules.current();
        }
        return rules.inForce(asOf).orElseThrow(() -> new InvalidInputException("asOf", "no rule set is in force on "
                + asOf + (rules.timeline().isEmpty() ? "" : "; the first applies from " + rules.timeline().get(0).from())));
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

    public static Messages messages(String locale) {
        return MessageBundles.get(Messages.class, Localized.Literal.of(locale));
    }
}
