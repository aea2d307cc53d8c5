package org.onewindow.guide;

/** 来源渠道 (national enum: 10 申请人自备, 20 政府部门核发, 99 其他). */
public enum MaterialSource implements Labelled {
    APPLICANT("applicant"),
    GOVERNMENT("government"),
    OTHER("other");

    private final String label;

    MaterialSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
