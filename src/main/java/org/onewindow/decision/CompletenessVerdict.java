package org.onewindow.decision;

/** The completeness check's verdict on an application's checklist (材料齐全性审查). */
public enum CompletenessVerdict {
    /** Every required material is present: accepted (受理). */
    COMPLETE("complete"),
    /** Only materials that may be supplied later are missing: accepted under a commitment (容缺受理). */
    TOLERABLE("tolerable"),
    /** A key or non-tolerable material is missing: not accepted, one-time notice (一次性告知). */
    INCOMPLETE("incomplete");

    private final String label;

    CompletenessVerdict(String label) {
        this.label = label;
    }

    /** The name used in JSON, scenarios and the contract ({@code complete} …). */
    public String label() {
        return label;
    }
}
