package org.onewindow.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onewindow.decision.RuleSet;
import org.onewindow.guide.Catalogue;
import org.onewindow.intake.DecisionRecords;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.MaterialItem;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.intake.Situation;
import org.onewindow.intake.SituationReader;
import org.onewindow.scenario.Scenario;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a draft would change for real people before it is published: every scenario of the suite
 * and the last recorded intakes (with the answers and library holdings they were decided with)
 * decided by the active version and by the draft, and each case whose window, departments,
 * materials, tolerated items or their deadlines differ, with both outcomes.
 */
public final class ChangeImpact {

    /** A case that changes: where it comes from, which one, what it was and what it would be. */
    public record Case(String source, String ref, Map<String, Object> before, Map<String, Object> after,
            List<String> differences) {
    }

    public record Report(long draft, Long against, int cases, List<Case> changed) {
    }

    private final Catalogue catalogue;
    private final IntakeDecider before;
    private final IntakeDecider after;

    public ChangeImpact(Catalogue catalogue, RuleSet before, RuleSet after, LocalDate day, ZoneId zone) {
        this.catalogue = catalogue;
        Clock clock = Clock.fixed(day.atStartOfDay(zone).toInstant(), zone);
        RuleSet datedAfter = after.served(after.version().id() == null ? 0 : after.version().id(), day);
        this.before = new IntakeDecider(catalogue, before, new QuestionDomains(catalogue, before),
                IntakeService.messages("zh"), IntakeService.messages("en"), clock);
        this.after = new IntakeDecider(catalogue, datedAfter, new QuestionDomains(catalogue, datedAfter),
                IntakeService.messages("zh"), IntakeService.messages("en"), clock);
    }

    public Report run(long draft, Long against, List<Scenario> scenarios, List<ReleaseStore.RecordedIntake> intakes,
            ObjectMapper json) {
        List<Case> changed = new ArrayList<>();
        int cases = 0;
        SituationReader reader = new SituationReader(catalogue);
        for (Scenario s : scenarios) {
            if (s.situation().has("departmentDecisions")) {
                continue; // the roll-up of department decisions: no intake outcome to compare
            }
            Situation situation;
            try {
                situation = reader.read(s.situation());
            } catch (RuntimeException e) {
                continue; // the gate reports a broken scenario; nothing to compare here
            }
            cases++;
            compare("scenario", s.file() + " — " + s.name(), situation, Set.of(), changed);
        }
        for (ReleaseStore.RecordedIntake r : intakes) {
            Situation situation;
            Set<String> library;
            try {
                Situation recorded = json.readValue(r.situation(), Situation.class);
                // decided as of the draft's day, with the answers and library holdings recorded then
                situation = new Situation(recorded.matters(), recorded.event(), recorded.answers(), recorded.applicant(),
                        null);
                library = Set.copyOf(json.readValue(r.outcome(), Outcome.class).libraryCodes());
                if (situation.matters().stream().anyMatch(m -> catalogue.matter(m).isEmpty())
                        || (situation.event() != null && catalogue.event(situation.event()).isEmpty())) {
                    continue; // a matter the knowledge base no longer has
                }
            } catch (java.io.IOException | RuntimeException e) {
                continue;
            }
            cases++;
            compare("intake", "decision-record/" + r.id(), situation, library, changed);
        }
        return new Report(draft, against, cases, changed);
    }

    private void compare(String source, String ref, Situation situation, Set<String> library, List<Case> changed) {
        Object was = decide(before, situation, library);
        Object will = decide(after, situation, library);
        if (was instanceof Outcome a && will instanceof Outcome b) {
            List<String> differences = DecisionRecords.differences(a, b);
            if (!differences.isEmpty()) {
                changed.add(new Case(source, ref, summary(a), summary(b), differences));
            }
        } else if (!String.valueOf(summaryOf(was)).equals(String.valueOf(summaryOf(will)))) {
            changed.add(new Case(source, ref, summaryOf(was), summaryOf(will), List.of("outcome: " + summaryOf(was)
                    .get("error") + " → " + summaryOf(will).get("error"))));
        }
    }

    private static Object decide(IntakeDecider decider, Situation situation, Set<String> library) {
        try {
            return decider.decide(situation, library);
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static Map<String, Object> summaryOf(Object decided) {
        return decided instanceof Outcome o ? summary(o) : Map.of("error", String.valueOf(decided));
    }

    /** What an applicant is told: window, departments, materials to bring, what may come later and by when. */
    static Map<String, Object> summary(Outcome o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("window", o.window() == null ? null : o.window().code());
        s.put("departments", o.departments().stream().map(d -> d.code() + ":" + d.role()).toList());
        s.put("materials", o.materials().stream().filter(MaterialItem::required).map(MaterialItem::code).toList());
        s.put("tolerable", o.tolerable().stream().map(t -> t.code() + ":" + t.deadlineDays()).toList());
        s.put("pendingQuestions", o.pendingQuestions().stream().map(q -> q.id()).toList());
        return s;
    }
}
