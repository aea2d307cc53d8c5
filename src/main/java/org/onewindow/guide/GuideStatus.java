package org.onewindow.guide;

/**
 * How much of a matter the knowledge base knows. A {@code catalogue-only} matter is a real entry of
 * the district's matter catalogue without a checked service guide: it is searchable and routed to its
 * window, but it has no material list — the window tells the applicant (办事指南以窗口告知为准),
 * because an invented list would be worse than none.
 */
public enum GuideStatus implements Labelled {
    FULL("full"),
    CATALOGUE_ONLY("catalogue-only");

    private final String label;

    GuideStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
