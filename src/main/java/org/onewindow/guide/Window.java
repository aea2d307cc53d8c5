package org.onewindow.guide;

/** A window of the service hall: one of the four 综合窗口 categories or a dedicated 税务/公安 window. */
public record Window(String code, String name, String nameEn, WindowKind kind, String counter,
        String description) {
}
