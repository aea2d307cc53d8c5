package org.onewindow.interview;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.onewindow.intake.DepartmentRole;
import org.onewindow.intake.IntakeDecider;
import org.onewindow.intake.MaterialItem;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.PendingQuestion;
import org.onewindow.intake.QuestionDomains;
import org.onewindow.intake.Situation;
import org.onewindow.intake.ToleranceItem;

/**
 * Chooses the next question from the rules themselves: only questions read by rows that can still
 * fire are candidates (the decider's pending questions); for each, every value of its domain is
 * tried and the question whose answers lead to the most different outcomes (window, departments,
 * materials, tolerable items) — and, among equals, change the most lines of them — is asked first.
 * When no candidate can change the outcome, the interview is over. No question order is written
 * per matter.
 */
final class QuestionChooser {

    private final IntakeDecider decider;
    private final QuestionDomains domains;

    QuestionChooser(IntakeDecider decider, QuestionDomains domains) {
        this.decider = decider;
        this.domains = domains;
    }

    /**
     * A candidate question: how many distinct outcomes its answers lead to, and how many lines of
     * the outcome (window, departments, materials, tolerable items) differ between them.
     */
    record Choice(PendingQuestion question, int outcomes, int spread) {

        boolean betterThan(Choice other) {
            return other == null || outcomes > other.outcomes()
                    || (outcomes == other.outcomes() && spread > other.spread());
        }
    }

    /** The best question to ask next, or null when no answer can change the outcome. */
    Choice choose(Situation situation, Outcome current) {
        Choice best = null;
        for (PendingQuestion question : current.pendingQuestions()) {
            Choice choice = weigh(situation, question);
            if (choice.outcomes() > 1 && choice.betterThan(best)) {
                best = choice;
            }
        }
        return best;
    }

    /** Questions still able to change the outcome, counted for the progress indicator. */
    int remaining(Situation situation, Outcome current) {
        return (int) current.pendingQuestions().stream().filter(q -> weigh(situation, q).outcomes() > 1).count();
    }

    private Choice weigh(Situation situation, PendingQuestion question) {
        List<Object> values = domains.of(question.id());
        if (values.isEmpty()) {
            return new Choice(question, 2, 1); // not enumerable (a date): asking is the only way to know
        }
        Set<Set<String>> outcomes = new HashSet<>();
        for (Object value : values) {
            Map<String, Object> answers = new HashMap<>(situation.answers());
            answers.put(question.id(), value);
            outcomes.add(lines(decider.decide(new Situation(situation.matters(), situation.event(), answers,
                    situation.applicant(), situation.asOf()))));
        }
        Set<String> union = new HashSet<>();
        outcomes.forEach(union::addAll);
        Set<String> common = new HashSet<>(union);
        outcomes.forEach(common::retainAll);
        return new Choice(question, outcomes.size(), union.size() - common.size());
    }

    /** What the applicant is told, as lines a different answer could change. */
    static Set<String> lines(Outcome o) {
        Set<String> lines = new TreeSet<>();
        lines.add("window:" + o.window().code());
        for (DepartmentRole d : o.departments()) {
            lines.add("department:" + d.code() + ":" + d.role());
        }
        for (MaterialItem m : o.materials()) {
            lines.add("material:" + m.code() + ":"
                    + (m.pending() ? "?" : m.required() ? "R" : m.producedBy() != null ? "P" : "-"));
        }
        for (ToleranceItem t : o.tolerable()) {
            lines.add("tolerable:" + t.code() + ":" + t.deadlineDays());
        }
        return lines;
    }
}
