package org.onewindow.scenario;

import java.util.List;
import java.util.Map;

/**
 * What a tester expects of an intake outcome. Every field is optional; only what is given is
 * checked.
 *
 * @param window          the window code
 * @param lead            the lead department
 * @param parallel        departments that must work in parallel (others may too)
 * @param matters         exactly the matters decided (for a life event: those that apply)
 * @param materials       materials the applicant must bring
 * @param absent          materials that must not be asked for (neither required nor pending)
 * @param pendingMaterials materials still depending on an unanswered question
 * @param producedInside  materials another matter of the same intake produces
 * @param tolerable       materials that may be supplied later, with the deadline in working days
 *                        (null: any deadline)
 * @param notTolerable    materials that must not be tolerable
 * @param pending         exactly the questions still to be asked
 * @param notice          fragments the one-time notice must contain
 * @param completeness    with {@code have}: complete, tolerable or incomplete
 * @param forms           the form each material must be brought in (original, copy, original-and-copy)
 * @param originals       how many originals of each material
 * @param result          with {@code situation.departmentDecisions}: the application's result
 *                        (approved, rejected, pending) the department-decisions table gives
 */
public record Expectations(String window, String lead, List<String> parallel, List<String> matters,
        List<String> materials, List<String> absent, List<String> pendingMaterials, List<String> producedInside,
        Map<String, Integer> tolerable, List<String> notTolerable, List<String> pending, List<String> notice,
        String completeness, Map<String, String> forms, Map<String, Integer> originals, String result) {
}
