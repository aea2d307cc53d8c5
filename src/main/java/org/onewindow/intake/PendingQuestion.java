package org.onewindow.intake;

import java.util.List;

import org.onewindow.guide.QuestionOption;

/** A question whose answer the rules still need, with what it affects. */
public record PendingQuestion(String id, String text, String textEn, String type, List<QuestionOption> options,
        String unit, String why, String whyEn, List<String> affects, String unitEn) {
}
