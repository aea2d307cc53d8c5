package org.onewindow.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A validated intake request: the matters (or the life event) applied for, the answers given so
 * far (typed: Boolean, BigDecimal, String, LocalDate), the applicant and the decision date.
 */
public record Situation(List<String> matters, String event, Map<String, Object> answers, Applicant applicant,
        LocalDate asOf) {

    public Situation {
        matters = matters == null ? List.of() : List.copyOf(matters);
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        applicant = applicant == null ? Applicant.ANONYMOUS : applicant;
    }
}
