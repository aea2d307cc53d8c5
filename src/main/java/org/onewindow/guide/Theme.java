package org.onewindow.guide;

/**
 * 主题分类: the business category a matter belongs to. Window routing decides by theme (and by
 * department for the dedicated windows), so a new matter only needs the right theme.
 */
public record Theme(String code, String name, String nameEn) implements java.io.Serializable {
}
