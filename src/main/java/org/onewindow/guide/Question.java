package org.onewindow.guide;

import java.util.List;

/**
 * A guided question. Its {@code id} is the name the decision tables use ({@code Answers.id});
 * {@code why} is shown to the applicant so that no question feels arbitrary.
 */
public record Question(String id, String text, String textEn, AnswerType type,
        List<QuestionOption> options, String unit, String why, String whyEn, String unitEn) implements java.io.Serializable {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean allows(String optionValue) {
        return options.stream().anyMatch(o -> o.value().equals(optionValue));
    }
}
