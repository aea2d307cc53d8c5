package org.onewindow.intake;

import java.util.List;

/** A material that may be supplied after acceptance under a commitment (容缺受理), and by when. */
public record ToleranceItem(String code, String name, String nameEn, int deadlineDays, List<String> matters,
        String reason, String reasonEn, String basis) {
}
