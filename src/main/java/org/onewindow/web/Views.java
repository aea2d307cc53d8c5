package org.onewindow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.LegalBasis;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Material;
import org.onewindow.guide.Matter;
import org.onewindow.guide.MatterMaterial;
import org.onewindow.guide.QuestionOption;
import org.onewindow.guide.Window;
import org.onewindow.intake.DepartmentRole;
import org.onewindow.intake.MaterialItem;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.PendingQuestion;
import org.onewindow.intake.Precheck;

/**
 * View models of the kiosk pages: plain records with the text already in the page's language,
 * so templates only lay things out.
 */
final class Views {

    private Views() {
    }

    record Tile(String code, String name, String description, String href) {
    }

    record WindowView(String code, String name, String counter, String description, long count, String href) {
    }

    record MatterLine(String code, String name, String type, String department, Integer promisedDays, String href) {
    }

    record GuideMaterial(String name, String form, String condition, boolean key, boolean tolerable) {
    }

    record MatterView(String code, String name, String type, String department, String window, String conditions,
            List<GuideMaterial> materials, Integer promisedDays, Integer statutoryDays, String fee, String online,
            String place, String hours, String phone, String result, List<String> basis, String startHref,
            boolean fullGuide, String competentDepartment, List<String> servicePoints, List<String> itemCodes,
            String sourceUrl) {
    }

    record Option(String value, String label, boolean checked) {
    }

    record Hidden(String name, String value) {
    }

    record QuestionView(String id, String text, String why, String type, String unit, List<Option> options) {
    }

    /** An answer given, for the summary: the question, the value, its label (null for yes/no questions). */
    record Answered(String question, String value, String label) {
    }

    record InterviewView(String target, String targetParam, String targetCode, QuestionView question,
            List<Hidden> hidden, String backHref, int asked, int total, boolean done, List<Answered> summary,
            boolean idError) {

        /** The number of the question on screen. */
        public int current() {
            return asked + 1;
        }

        /** Percentage of the likely questions answered, for the progress bar. */
        public int percent() {
            return total == 0 ? 100 : Math.min(100, 100 * asked / total);
        }
    }

    record Line(String code, String name, String form, String reason, String basis, Integer deadlineDays,
            String producedBy) {
    }

    record DepartmentLine(String name, boolean lead, String reason) {
    }

    record MatterResult(String name, int promisedDays, String fee, String result) {
    }

    record PrecheckView(String outcome, String reason, List<String> mustBring, List<String> later,
            boolean canApply) {
    }

    record ResultView(String reference, String window, String counter, String windowReason,
            List<DepartmentLine> departments, List<Line> bring, List<Line> library, List<Line> later,
            List<Line> produced, List<Line> conditional, List<MatterResult> matters, String notice,
            List<String> have, PrecheckView precheck, String ruleSet) {
    }

    /**
     * The outcome as an anonymous page may show it: no material marked as held by the shared
     * library (the recorded notice text is not shown by these pages).
     */
    static Outcome anonymous(Outcome o) {
        if (o.libraryCodes().isEmpty()) {
            return o;
        }
        List<MaterialItem> materials = o.materials().stream().map(m -> !m.fromLibrary() ? m : new MaterialItem(m.code(),
                m.name(), m.nameEn(), m.title(), m.required(), m.key(), m.tolerable(), false, m.pending(), m.condition(),
                m.form(), m.originals(), m.copies(), m.deadlineDays(), m.producedBy(), m.matters(), m.reason(),
                m.reasonEn(), m.basis())).toList();
        return new Outcome(o.window(), o.departments(), materials, o.tolerable(), o.pendingQuestions(), o.notice(),
                o.noticeEn(), o.explanation(), o.ruleSet(), o.catalogueVersion(), o.matters(), o.event(), o.asOf(),
                o.decisionId(), o.reference());
    }

    static String pick(boolean en, String zh, String english) {
        return en && english != null && !english.isBlank() ? english : zh;
    }

    static Tile tile(LifeEvent e, boolean en) {
        return new Tile(e.code(), pick(en, e.name(), e.nameEn()), pick(en, e.description(), e.descriptionEn()), "/start?event=" + e.code());
    }

    static WindowView window(Window w, long count, boolean en) {
        return new WindowView(w.code(), pick(en, w.name(), w.nameEn()), pick(en, w.counter(), w.counterEn()),
                pick(en, w.description(), w.descriptionEn()), count,
                "/browse?window=" + w.code());
    }

    static MatterLine line(Matter m, Catalogue catalogue, boolean en) {
        return new MatterLine(m.code(), pick(en, m.name(), m.nameEn()), m.type().name(),
                catalogue.department(m.department()).map(d -> pick(en, d.name(), d.nameEn())).orElse(m.department()),
                m.promisedDays(), "/matter/" + m.code());
    }

    static MatterView matter(Matter m, Catalogue catalogue, String window, boolean en) {
        List<GuideMaterial> materials = new ArrayList<>();
        for (MatterMaterial row : m.materials()) {
            Material mat = catalogue.material(row.material()).orElse(null);
            String name = en && mat != null && mat.nameEn() != null ? mat.nameEn()
                    : row.title() != null ? row.title() : mat == null ? row.material() : mat.name();
            materials.add(new GuideMaterial(name, row.form().label(), row.conditional() ? pick(en, row.condition(),
                    row.conditionEn()) : null, row.key(), row.tolerable()));
        }
        String department = catalogue.department(m.department()).map(d -> pick(en, d.name(), d.nameEn()))
                .orElse(m.department());
        String windowName = catalogue.window(window).map(w -> pick(en, w.name(), w.nameEn())).orElse(window);
        // statute titles have no official English: the English page says the basis is in the Chinese guide
        return new MatterView(m.code(), pick(en, m.name(), m.nameEn()), m.type().name(), department, windowName,
                pick(en, m.conditions(), m.conditionsEn()), materials, m.promisedDays(),
                m.timeLimit() == null ? null : m.timeLimit().statutory(), fee(m, en),
                m.online() == null ? null : m.online().depth(), pick(en, m.place(), m.placeEn()),
                pick(en, m.hours(), m.hoursEn()), m.phone(), result(m, en),
                en ? List.of() : m.legalBasis().stream().map(LegalBasis::citation).toList(), "/start?matter=" + m.code(),
                m.fullGuide(), catalogue.department(m.competentDepartment()).map(d -> pick(en, d.name(), d.nameEn()))
                        .orElse(null),
                catalogue.servicePointsOf(m.code()).stream().map(p -> pick(en, p.name(), p.nameEn())).toList(),
                m.catalogueItems(), m.provenance() == null ? null : m.provenance().firstUrl());
    }

    /** The English condition of a pending material, from the guide of a matter that asks for it. */
    private static String condition(Catalogue catalogue, Outcome o, MaterialItem m) {
        for (String code : m.matters() == null ? List.<String>of() : m.matters()) {
            MatterMaterial row = catalogue.matter(code).map(x -> x.material(m.code())).orElse(null);
            if (row != null && row.conditionEn() != null) {
                return row.conditionEn();
            }
        }
        return m.condition();
    }

    static String fee(Matter m, boolean en) {
        return m == null || m.fee() == null ? null : pick(en, m.fee().description(), m.fee().descriptionEn());
    }

    static String result(Matter m, boolean en) {
        return m == null || m.result() == null ? null : pick(en, m.result().name(), m.result().nameEn());
    }

    static QuestionView question(PendingQuestion q, Map<String, String> answers, boolean en) {
        List<Option> options = new ArrayList<>();
        String current = answers.get(q.id());
        if (q.type().equals("boolean")) {
            options.add(new Option("true", null, "true".equals(current)));
            options.add(new Option("false", null, "false".equals(current)));
        } else {
            for (QuestionOption o : q.options()) {
                options.add(new Option(o.value(), pick(en, o.label(), o.labelEn()), o.value().equals(current)));
            }
        }
        return new QuestionView(q.id(), pick(en, q.text(), q.textEn()), pick(en, q.why(), q.whyEn()), q.type(),
                q.unit() == null ? null : pick(en, q.unit(), q.unitEn()), options);
    }

    static ResultView result(Outcome o, Catalogue catalogue, boolean en, List<String> have, Precheck check) {
        List<Line> bring = new ArrayList<>();
        List<Line> library = new ArrayList<>();
        List<Line> later = new ArrayList<>();
        List<Line> produced = new ArrayList<>();
        List<Line> conditional = new ArrayList<>();
        Map<String, Integer> deadlines = new java.util.HashMap<>();
        o.tolerable().forEach(t -> deadlines.put(t.code(), t.deadlineDays()));
        for (MaterialItem m : o.materials()) {
            String producer = m.producedBy() == null ? null : o.matters().stream()
                    .filter(s -> s.code().equals(m.producedBy())).map(s -> pick(en, s.name(), s.nameEn())).findFirst()
                    .orElse(m.producedBy());
            Line line = new Line(m.code(), en ? pick(en, m.name(), m.nameEn()) : m.title() != null ? m.title() : m.name(),
                    m.form(), pick(en, m.reason(), m.reasonEn()), m.basis(), deadlines.get(m.code()), producer);
            if (m.producedBy() != null) {
                produced.add(line);
            } else if (m.fromLibrary()) {
                library.add(line);
            } else if (m.pending()) {
                conditional.add(new Line(m.code(), line.name(), m.form(), en ? condition(catalogue, o, m) : m.condition(),
                        m.basis(), null, null));
            } else if (m.required() && deadlines.containsKey(m.code())) {
                later.add(line);
            } else if (m.required()) {
                bring.add(line);
            }
        }
        List<DepartmentLine> departments = o.departments().stream().map(d -> new DepartmentLine(
                pick(en, d.name(), d.nameEn()), d.role().equals(DepartmentRole.LEAD), pick(en, d.reason(), d.reasonEn())))
                .toList();
        List<MatterResult> matters = o.matters().stream().map(s -> new MatterResult(pick(en, s.name(), s.nameEn()),
                s.promisedDays(), en ? fee(catalogue.matter(s.code()).orElse(null), true) : s.fee(),
                en ? result(catalogue.matter(s.code()).orElse(null), true) : s.result())).toList();
        PrecheckView precheck = check == null ? null : new PrecheckView(check.outcome(),
                pick(en, check.reason(), check.reasonEn()),
                check.mustBring().stream().map(m -> pick(en, m.title() != null ? m.title() : m.name(), m.nameEn())).toList(),
                check.tolerable().stream().map(t -> pick(en, t.name(), t.nameEn())).toList(),
                !check.outcome().equals("incomplete"));
        String counter = catalogue.window(o.window().code()).map(w -> pick(en, w.counter(), w.counterEn()))
                .orElse(o.window().counter());
        return new ResultView(o.reference(), pick(en, o.window().name(), o.window().nameEn()), counter,
                pick(en, o.window().reason(), o.window().reasonEn()), departments, bring, library, later, produced,
                conditional, matters, en ? o.noticeEn() : o.notice(), have, precheck, o.ruleSet().version());
    }
}
