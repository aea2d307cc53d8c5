package org.onewindow.decision;

import java.util.List;

/** The completeness rules' verdict on a checklist, and the rules that fired. */
public record CompletenessOutcome(String outcome, List<FiredRow> fired) {

    public static final String COMPLETE = "complete";
    public static final String TOLERABLE = "tolerable";
    public static final String INCOMPLETE = "incomplete";
}
