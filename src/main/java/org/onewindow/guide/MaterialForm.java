package org.onewindow.guide;

/** 原件 / 复印件 — what the window inspects or keeps. */
public enum MaterialForm implements Labelled {
    ORIGINAL("original"),
    COPY("copy"),
    ORIGINAL_AND_COPY("original-and-copy");

    private final String label;

    MaterialForm(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
