package org.onewindow.guide;

import java.util.ArrayList;
import java.util.List;

/**
 * Every text an English page shows, checked for its English: the English kiosk, online portal and
 * progress pages must be wholly English. For each full service guide: its name, acceptance
 * conditions, fee, result, place and hours, the English name of every catalogue material it asks
 * for and the English wording of each condition under which a material is needed; and the English
 * of the windows (name, counter, description), departments, questions (text, why, options, unit)
 * and life events those pages show. The legal basis is not among them: the English matter page
 * does not show statute titles (there are no official English titles), it says the basis is in
 * the Chinese guide.
 */
public final class EnglishTexts {

    private EnglishTexts() {
    }

    /** Each missing English text as {@code matter 'code': conditionsEn}; empty when complete. */
    public static List<String> missing(Catalogue catalogue) {
        List<String> missing = new ArrayList<>();
        for (Matter m : catalogue.matters()) {
            String where = "matter '" + m.code() + "': ";
            need(missing, where + "nameEn", m.nameEn());
            need(missing, where + "conditionsEn", m.conditions() == null ? "-" : m.conditionsEn());
            need(missing, where + "placeEn", m.place() == null ? "-" : m.placeEn());
            need(missing, where + "hoursEn", m.hours() == null ? "-" : m.hoursEn());
            if (m.fee() != null && m.fee().description() != null) {
                need(missing, where + "fee.descriptionEn", m.fee().descriptionEn());
            }
            if (m.result() != null && m.result().name() != null) {
                need(missing, where + "result.nameEn", m.result().nameEn());
            }
            for (MatterMaterial row : m.materials()) {
                catalogue.material(row.material()).ifPresent(mat -> need(missing, "material '" + mat.code() + "': nameEn",
                        mat.nameEn()));
                if (row.conditional() && row.condition() != null) {
                    need(missing, where + "materials[" + row.material() + "].conditionEn", row.conditionEn());
                }
            }
        }
        for (Window w : catalogue.windows()) {
            String where = "window '" + w.code() + "': ";
            need(missing, where + "nameEn", w.nameEn());
            need(missing, where + "counterEn", w.counter() == null ? "-" : w.counterEn());
            need(missing, where + "descriptionEn", w.description() == null ? "-" : w.descriptionEn());
        }
        for (Department d : catalogue.departments()) {
            need(missing, "department '" + d.code() + "': nameEn", d.nameEn());
        }
        for (Question q : catalogue.questions()) {
            String where = "question '" + q.id() + "': ";
            need(missing, where + "textEn", q.textEn());
            need(missing, where + "whyEn", q.why() == null ? "-" : q.whyEn());
            need(missing, where + "unitEn", q.unit() == null ? "-" : q.unitEn());
            q.options().forEach(o -> need(missing, where + "options[" + o.value() + "].labelEn", o.labelEn()));
        }
        for (LifeEvent e : catalogue.events()) {
            need(missing, "event '" + e.code() + "': nameEn", e.nameEn());
            need(missing, "event '" + e.code() + "': descriptionEn", e.description() == null ? "-" : e.descriptionEn());
        }
        return missing.stream().distinct().toList();
    }

    private static void need(List<String> missing, String what, String english) {
        if (english == null || english.isBlank()) {
            missing.add(what);
        } else if (english.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            missing.add(what + " is not English");
        }
    }
}
