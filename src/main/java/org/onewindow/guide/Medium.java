package org.onewindow.guide;

/** 材料形式: 纸质 / 电子化 / 纸质或电子化 (national enum 1/2/3). */
public enum Medium implements Labelled {
    PAPER("paper"),
    ELECTRONIC("electronic"),
    PAPER_OR_ELECTRONIC("paper-or-electronic");

    private final String label;

    Medium(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
