package org.onewindow.guide;

import java.util.List;

/**
 * 一件事: a bundle of matters handled in one intake. Which of {@code matters} apply to an
 * applicant is decided by the life-event decision table from the answers to {@code questions}.
 */
public record LifeEvent(String code, String name, String nameEn, String description, List<String> aliases,
        String leadWindow, String leadDepartment, List<String> matters, List<String> questions) {

    public LifeEvent {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        matters = matters == null ? List.of() : List.copyOf(matters);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
