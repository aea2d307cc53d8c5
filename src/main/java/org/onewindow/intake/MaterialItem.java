package org.onewindow.intake;

import java.util.List;

/**
 * One line of the material list. {@code pending} lines depend on a question not yet answered;
 * {@code producedBy} lines are produced by another matter of the same intake.
 */
public record MaterialItem(String code, String name, String nameEn, String title, boolean required, boolean key,
        boolean tolerable, boolean fromLibrary, boolean pending, String condition, String form, int originals,
        int copies, Integer deadlineDays, String producedBy, List<String> matters, String reason, String reasonEn,
        String basis) {
}
