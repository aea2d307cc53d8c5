package org.onewindow.guide;

/** A 综合窗口 accepts a whole category of matters; a dedicated window (税务, 公安) keeps its own. */
public enum WindowKind implements Labelled {
    COMPREHENSIVE("comprehensive"),
    DEDICATED("dedicated");

    private final String label;

    WindowKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
