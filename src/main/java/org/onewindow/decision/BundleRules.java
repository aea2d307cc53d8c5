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
import org.onewindow.decision.facts.MergedMaterial;

/**
 * The compiled DRL rules of a rule set. Each run gets a fresh session (sessions are cheap, the
 * KieBase is compiled once per rule set and shared).
 */
public final class BundleRules {

    private final KieBase kieBase;
    private final String model;

    BundleRules(KieBase kieBase, String model) {
        this.kieBase = kieBase;
        this.model = model;
    }

    public BundleOutcome run(Collection<?> facts) {
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
            List<MergedMaterial> merged = session.getObjects(o -> o instanceof MergedMaterial).stream()
                    .map(MergedMaterial.class::cast).toList();
            List<BundleNote> notes = session.getObjects(o -> o instanceof BundleNote).stream()
                    .map(BundleNote.class::cast).toList();
            return new BundleOutcome(merged, notes, fired);
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
