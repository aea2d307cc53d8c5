package org.onewindow.guide;

/** 是否收费, the standard and its basis. */
public record Fee(boolean charged, String description, String basis, String descriptionEn) implements java.io.Serializable {
}
