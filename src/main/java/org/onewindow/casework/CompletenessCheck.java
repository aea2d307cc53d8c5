package org.onewindow.casework;

import java.time.LocalDate;
import java.util.List;

/** The completeness check: outcome by the rules, what is missing, what may come later, the notice. */
public record CompletenessCheck(String outcome, List<Missing> missing, List<Tolerable> tolerable, String reason,
        String reasonEn, String notice) {

    /** A required material not at hand; {@code tolerable}: the decision lets it come later. */
    public record Missing(String code, String name, boolean key, boolean tolerable) {
    }

    /** A missing material that may come later, and the day it is due if accepted today. */
    public record Tolerable(String code, String name, int deadlineDays, LocalDate dueOn) {
    }

    public boolean incomplete() {
        return "incomplete".equals(outcome);
    }

    /** The missing materials the rules do not let come later. */
    public List<Missing> mustBring() {
        return missing.stream().filter(m -> !m.tolerable()).toList();
    }
}
