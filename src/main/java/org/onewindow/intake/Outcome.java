package org.onewindow.intake;

import java.time.LocalDate;
import java.util.List;

/**
 * What the rules decided for a situation: where to go, who works on it, what to bring, what may
 * come later, what is still unknown, the one-time notice, and every reason behind it.
 */
public record Outcome(WindowChoice window, List<DepartmentRole> departments, List<MaterialItem> materials,
        List<ToleranceItem> tolerable, List<PendingQuestion> pendingQuestions, String notice, String noticeEn,
        List<Explanation> explanation, RuleSetRef ruleSet, String catalogueVersion, List<MatterSummary> matters,
        String event, LocalDate asOf, Long decisionId, String reference) {

    /** The required materials the applicant's shared library already holds. */
    public List<String> libraryCodes() {
        return materials.stream().filter(MaterialItem::fromLibrary).map(MaterialItem::code).toList();
    }

        /** The outcome as recorded: its record id and the reference printed on the notice. */
    public Outcome recorded(long id, String reference) {
        return new Outcome(window, departments, materials, tolerable, pendingQuestions, notice, noticeEn,
                explanation, ruleSet, catalogueVersion, matters, event, asOf, id, reference);
    }
}
