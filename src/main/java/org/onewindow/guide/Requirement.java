package org.onewindow.guide;

/** 材料必要性: always needed, or needed only in a situation a decision table decides. */
public enum Requirement implements Labelled {
    REQUIRED("required"),
    CONDITIONAL("conditional");

    private final String label;

    Requirement(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
