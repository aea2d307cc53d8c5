package org.onewindow.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.decision.FiredRow;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.KnowledgeBaseLoader;
import org.onewindow.platform.MessageFiles;

/**
 * The bundle rules' conclusion is reached once per distinct set of facts and reused: a decider
 * that has seen a bundle before answers exactly as the run that reached it (outcome, explanation)
 * and reports the same fired DRL rules to coverage, concludes as a fresh run of the rules would,
 * and bundles that differ in any fact do not share a conclusion.
 */
class BundleMemoTest {

    private static Catalogue catalogue;
    private static RuleSet rules;

    @BeforeAll
    static void load() {
        catalogue = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        rules = new RuleSetCompiler().compile(Path.of("rules"));
    }

    private static IntakeDecider fresh() {
        return new IntakeDecider(catalogue, rules, new QuestionDomains(catalogue, rules), MessageFiles.load("zh"),
                MessageFiles.load("en"), Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    private static List<Situation> bundles() {
        Applicant enterprise = new Applicant("enterprise", "91350100M000100Y43", "good");
        Applicant badCredit = new Applicant("enterprise", "91350100M000100Y43", "bad");
        Map<String, Object> restaurant = Map.of("businessForm", "company", "hasSignboard", true, "publicGathering", true,
                "agent", false, "premisesOwnership", "rented");
        Map<String, Object> smaller = Map.of("businessForm", "company", "hasSignboard", false, "publicGathering", false,
                "agent", false, "premisesOwnership", "owned");
        return List.of(
                new Situation(List.of(), "open-restaurant", restaurant, enterprise, null),
                new Situation(List.of(), "open-restaurant", smaller, enterprise, null),
                new Situation(List.of(), "open-restaurant", restaurant, badCredit, null),
                new Situation(List.of(), "open-restaurant", Map.of(), enterprise, null),
                new Situation(List.of("food-business-licence", "company-establishment"), null,
                        Map.of("agent", false, "vendingMachineOnly", false), enterprise, null));
    }

    private static List<String> drlRulesFired(IntakeDecider decider, Situation s, List<Outcome> into) {
        List<String> fired = new ArrayList<>();
        into.add(decider.withCoverage(row -> {
            if (row.tableId() == null) {
                fired.add(row.reference());
            }
        }).decide(s));
        return fired;
    }

    /**
     * The outcome without the bundle rules' own trace. Which DRL rules fire on the way to a
     * conclusion varies between runs of the rules (Drools fires matches of equal salience in no
     * fixed order, and e.g. {@code original-over-copy} fires or not depending on which demand came
     * first), while the conclusion does not: so fresh runs are compared on everything else.
     */
    private static Outcome withoutRuleTrace(Outcome o) {
        return new Outcome(o.window(), o.departments(), o.materials(), o.tolerable(), o.pendingQuestions(), o.notice(),
                o.noticeEn(), o.explanation().stream().filter(e -> !e.rule().startsWith("BundlePolicy#")).toList(),
                o.ruleSet(), o.catalogueVersion(), o.matters(), o.event(), o.asOf(), o.decisionId(), o.reference());
    }

    @Test
    void aRememberedBundleAnswersExactlyAsTheRunThatReachedItAndStillReportsItsRules() {
        IntakeDecider warm = fresh();
        for (Situation s : bundles()) {
            List<Outcome> first = new ArrayList<>();
            List<Outcome> again = new ArrayList<>();
            List<String> firstRules = drlRulesFired(warm, s, first);
            List<String> againRules = drlRulesFired(warm, s, again);
            assertFalse(firstRules.isEmpty(), "the bundle rules fire for " + s);
            assertEquals(firstRules, againRules, "coverage sees the same DRL rules for " + s);
            assertEquals(first.get(0), again.get(0), "outcome, explanation included, for " + s);
            assertTrue(again.get(0).explanation().stream().anyMatch(e -> e.rule().startsWith("BundlePolicy#")));
        }
    }

    @Test
    void aRememberedBundleConcludesAsAFreshRunOfTheRules() {
        IntakeDecider warm = fresh();
        for (Situation s : bundles()) {
            warm.decide(s); // the warm decider has now seen every bundle once
        }
        for (Situation s : bundles()) {
            assertEquals(withoutRuleTrace(fresh().decide(s)), withoutRuleTrace(warm.decide(s)), "outcome for " + s);
        }
    }

    @Test
    void bundlesWithDifferentFactsDoNotShareAConclusion() {
        IntakeDecider warm = fresh();
        List<Situation> all = bundles();
        Outcome full = warm.decide(all.get(0));
        Outcome smaller = warm.decide(all.get(1));
        assertNotEquals(full.materials(), smaller.materials());
        assertEquals(withoutRuleTrace(fresh().decide(all.get(1))), withoutRuleTrace(smaller));
        assertEquals(withoutRuleTrace(fresh().decide(all.get(0))), withoutRuleTrace(warm.decide(all.get(0))));
    }

    @Test
    void theSameBundleGetsTheSameConclusionFromEveryRunOfTheRules() {
        // departments, notes and a line's matters come out of the rules' stores in no fixed order;
        // they are put in the bundle's order, so fresh runs agree
        for (Situation s : bundles()) {
            Outcome first = withoutRuleTrace(fresh().decide(s));
            for (int i = 0; i < 4; i++) {
                assertEquals(first, withoutRuleTrace(fresh().decide(s)), "run " + i + " of " + s);
            }
        }
    }

    @Test
    void firedRowsOfTheRulesReachCoverageEveryTime() {
        IntakeDecider warm = fresh();
        Situation s = bundles().get(0);
        List<FiredRow> first = new ArrayList<>();
        List<FiredRow> second = new ArrayList<>();
        warm.withCoverage(first::add).decide(s);
        warm.withCoverage(second::add).decide(s);
        assertEquals(first, second);
        assertTrue(first.stream().anyMatch(r -> r.reference().startsWith("BundlePolicy#")));
    }
}
