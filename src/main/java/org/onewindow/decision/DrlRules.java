package org.onewindow.decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.onewindow.decision.facts.BundleNote;
import org.onewindow.decision.facts.ChecklistItem;
import org.onewindow.decision.facts.Completeness;
import org.onewindow.decision.facts.CompletenessCheck;
import org.onewindow.decision.facts.MergedMaterial;

/**
 * The compiled DRL rules of a rule set, one KieBase for every DRL file: the bundle rules (merging a
 * life event's materials) and the completeness rules (is a checklist complete, tolerable or
 * incomplete). Each rule family works on its own facts, so a session holds only one family's
 * facts. Each run gets a fresh session; the KieBase is compiled once per rule set and shared.
 */
public final class DrlRules {

    private final KieBase kieBase;
    private final String model;

    DrlRules(KieBase kieBase, String model) {
        this.kieBase = kieBase;
        this.model = model;
    }

    /** Merges the materials of a bundle of matters. */
    public BundleOutcome run(Collection<?> facts) {
        Session session = session(facts);
        return new BundleOutcome(session.all(MergedMaterial.class), session.all(BundleNote.class), session.fired());
    }

    /** Judges a checklist: complete, only tolerable items missing, or incomplete. */
    public CompletenessOutcome check(Collection<ChecklistItem> checklist) {
        List<Object> facts = new ArrayList<>(checklist);
        facts.add(new CompletenessCheck());
        Session session = session(facts);
        List<Completeness> verdicts = session.all(Completeness.class);
        if (verdicts.size() != 1) {
            throw new IllegalStateException("completeness rules gave " + verdicts.size() + " verdicts, expected one");
        }
        return new CompletenessOutcome(verdicts.get(0).getOutcome(), session.fired());
    }

    /** The facts left in a session after its rules fired, and the rules that fired. */
    private record Session(List<Object> objects, List<FiredRow> fired) {
        <T> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private Session session(Collection<?> facts) {
        KieSession session = kieBase.newKieSession();
        List<FiredRow> fired = new ArrayList<>();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(firedRow(event.getMatch().getRule()));
                }
            });
            facts.forEach(session::insert);
            session.fireAllRules();
            return new Session(new ArrayList<>(session.getObjects()), fired);
        } finally {
            session.dispose();
        }
    }

    /** Every DRL rule of the rule set, named as fired rows name them ({@code drl/rule-name}). */
    public List<String> ruleReferences() {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .map(r -> model + "/" + r.getName()).sorted().toList();
    }

    private FiredRow firedRow(Rule rule) {
        return new FiredRow(model, rule.getPackageName(), null, 0, rule.getName(), meta(rule, "reason"),
                meta(rule, "reasonEn"), meta(rule, "basis"));
    }

    /** DRL metadata values keep their quotes ({@code @reason("…")}); strip them. */
    private static String meta(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
