package org.onewindow.guide;

import java.util.regex.Pattern;

/**
 * Whether a tolerance basis names a source: a published list or regulation — a title in 《》, a
 * document number such as 国发〔2022〕5号, a standard such as DB32/T 3456-2018, or a 清单 — or the
 * district's own judgement, stated as {@code district-policy：} followed by its reason.
 */
public final class ToleranceSources {

    private static final Pattern PUBLISHED = Pattern.compile("《[^》]+》|〔\\d{4}〕\\d+号|\\b[A-Z]{2}\\d*/T \\d+|清单");
    private static final Pattern DISTRICT = Pattern.compile("^district-policy[：:]\\s*\\S.{3,}");

    private ToleranceSources() {
    }

    public static boolean named(String basis) {
        if (basis == null || basis.isBlank()) {
            return false;
        }
        String text = basis.strip();
        return DISTRICT.matcher(text).find() || (!text.startsWith("district-policy") && PUBLISHED.matcher(text).find());
    }
}
