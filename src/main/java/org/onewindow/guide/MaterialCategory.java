package org.onewindow.guide;

/** 材料类型 (national enum: 1 证件证书证明, 2 申请表格文书, 3 其他). */
public enum MaterialCategory implements Labelled {
    CERTIFICATE("证件证书证明"),
    FORM("申请表格文书"),
    OTHER("其他");

    private final String label;

    MaterialCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
