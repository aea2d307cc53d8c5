package org.onewindow.guide;

/** How a question is answered; the intake validator checks submitted answers against it. */
public enum AnswerType implements Labelled {
    BOOLEAN("boolean"),
    CHOICE("choice"),
    NUMBER("number"),
    DATE("date");

    private final String label;

    AnswerType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
