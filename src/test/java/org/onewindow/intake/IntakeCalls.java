package org.onewindow.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onewindow.decision.Evaluation;
import org.onewindow.decision.RuleSet;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Matter;
import org.onewindow.platform.MessageFiles;

/**
 * The DMN evaluations an intake decision makes, in order, with their inputs and OneWindow's
 * results: recorded by running the real {@link MatterRules} with an evaluator that writes down
 * every call. The peers benchmark replays exactly these calls on raw KIE and on Camunda, so the
 * engines are compared on the same work (the DRL bundle rules and the notice have no peer).
 */
public final class IntakeCalls {

    /** One evaluation: model and decision by name, the inputs, and the result OneWindow got. */
    public record Call(String model, String decision, Map<String, Object> inputs, Object result) {
    }

    private IntakeCalls() {
    }

    public static List<Call> of(Catalogue catalogue, RuleSet rules, Situation s) {
        List<Call> calls = new ArrayList<>();
        MatterRules.Evaluator recorder = (model, decision, inputs) -> {
            Evaluation eval = rules.evaluate(model, decision, inputs).orFail();
            calls.add(new Call(model, decision, inputs, eval.result()));
            return eval;
        };
        QuestionDomains domains = new QuestionDomains(catalogue, rules);
        DecisionTrail trail = new DecisionTrail(catalogue, domains);
        MatterRules matterRules = new MatterRules(catalogue, rules, domains, MessageFiles.load("zh"),
                MessageFiles.load("en"), recorder);
        List<Matter> matters;
        if (s.event() != null) {
            LifeEvent event = catalogue.event(s.event()).orElseThrow();
            Evaluation eval = recorder.evaluate(IntakeModels.EVENT_MODEL, event.code(), Map.of("Answers", s.answers()));
            Set<String> selected = new LinkedHashSet<>();
            if (eval.result() instanceof Collection<?> codes) {
                codes.forEach(c -> selected.add(String.valueOf(c)));
            }
            matters = event.matters().stream().filter(selected::contains)
                    .map(code -> catalogue.matter(code).orElseThrow()).toList();
        } else {
            matters = s.matters().stream().map(code -> catalogue.matter(code).orElseThrow()).toList();
        }
        matters.forEach(m -> matterRules.decide(m, s, trail));
        return calls;
    }
}
