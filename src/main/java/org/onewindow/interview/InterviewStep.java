package org.onewindow.interview;

import org.onewindow.intake.Outcome;
import org.onewindow.intake.PendingQuestion;

/**
 * One step of the guided interview: the next question (with the number of questions answered and
 * how many may still follow), or — when no answer can change the outcome any more — the result.
 */
public record InterviewStep(boolean done, PendingQuestion question, int asked, int remaining, Outcome result) {

    static InterviewStep ask(PendingQuestion question, int asked, int remaining) {
        return new InterviewStep(false, question, asked, remaining, null);
    }

    static InterviewStep finish(Outcome result, int asked) {
        return new InterviewStep(true, null, asked, 0, result);
    }
}
