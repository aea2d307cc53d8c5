package org.onewindow.guide;

/**
 * A window of the service hall: one of the four 综合窗口 categories, or a dedicated window that
 * belongs to one {@code department} (税务, 公安) and receives that department's matters only.
 */
public record Window(String code, String name, String nameEn, WindowKind kind, String department, String counter,
        String description, String descriptionEn, String counterEn) implements java.io.Serializable {
}
