package org.onewindow.guide;

/** 事项类型 — the national matter types (权力事项 and 公共服务). */
public enum MatterType implements Labelled {
    LICENSING("行政许可"),
    BENEFIT("行政给付"),
    CONFIRMATION("行政确认"),
    AWARD("行政奖励"),
    LEVY("行政征收"),
    ADJUDICATION("行政裁决"),
    OTHER_POWER("其他行政权力"),
    PUBLIC_SERVICE("公共服务");

    private final String label;

    MatterType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
