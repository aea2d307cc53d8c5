package org.onewindow.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onewindow.guide.AnswerType;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Matter;
import org.onewindow.guide.Question;
import org.onewindow.policy.DmnTables;

/** View models of the policy console's pages. */
final class PolicyViews {

    private PolicyViews() {
    }

    /** What every console page shows: language, who, what just happened, today. */
    record Page(String lang, String username, String done, String error, LocalDate today, boolean canEdit,
            boolean admin) {

        public boolean en() {
            return "en".equals(lang);
        }

        public String htmlLang() {
            return en() ? "en" : "zh-CN";
        }
    }

    /** A rule file with its decision tables (name and label). */
    record FileTables(String path, boolean dmn, List<DmnTables.Table> tables) {
    }

    /** A choice offered for a cell: the FEEL text it puts in, and what a person reads. */
    record Choice(String value, String label) {
    }

    /** A grid column: its header, what it holds, what it offers. */
    record GridColumn(int index, String field, String label, String description, String kind, List<Choice> choices) {

        public String listId() {
            return "dl-" + field;
        }
    }

    /** A grid row as shown: the values of its cells, in the order of the columns, and their errors. */
    record GridRow(String id, List<String> cells, Map<Integer, String> errors) {

        public String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        public String error(int i) {
            return errors.get(i);
        }
    }

    /**
     * What a column offers from the knowledge base: windows, departments, themes, matters, events,
     * the options of the question it reads, true/false — as FEEL literals.
     */
    static List<Choice> choices(DmnTables.Column c, boolean output, Catalogue catalogue, boolean en) {
        List<Choice> out = new ArrayList<>();
        String expr = c.expression() == null ? "" : c.expression().strip();
        String name = c.name() == null ? "" : c.name();
        if (c.question() != null) {
            catalogue.question(c.question()).ifPresent(q -> out.addAll(question(q, en)));
        } else if (expr.equals("Matter.department") || name.equals("department")) {
            catalogue.departments().forEach(d -> out.add(new Choice(q(d.code()), en && d.nameEn() != null ? d.nameEn() : d.name())));
            if (output) {
                out.add(new Choice("Matter.department", en ? "the matter's department" : "事项的实施部门"));
                out.add(new Choice("Matter.competentDepartment", en ? "the matter's functional bureau" : "事项的业务主管部门"));
            }
        } else if (expr.equals("Matter.theme")) {
            catalogue.themes().forEach(t -> out.add(new Choice(q(t.code()), en && t.nameEn() != null ? t.nameEn() : t.name())));
        } else if (name.equals("window")) {
            catalogue.windows().forEach(w -> out.add(new Choice(q(w.code()), en && w.nameEn() != null ? w.nameEn() : w.name())));
        } else if (expr.equals("Matter.code") || name.equals("matter")) {
            catalogue.matters().stream().filter(Matter::fullGuide)
                    .forEach(m -> out.add(new Choice(q(m.code()), en && m.nameEn() != null ? m.nameEn() : m.name())));
        } else if (expr.equals("Event.code")) {
            catalogue.events().forEach(e -> out.add(new Choice(q(e.code()), en && e.nameEn() != null ? e.nameEn() : e.name())));
        } else if (expr.equals("Applicant.creditStatus")) {
            for (String s : List.of("good", "bad", "unknown")) {
                out.add(new Choice(q(s), s));
            }
        } else if (expr.equals("Applicant.type")) {
            for (String s : List.of("person", "enterprise")) {
                out.add(new Choice(q(s), s));
            }
        } else if (name.equals("role")) {
            out.add(new Choice(q("lead"), en ? "lead" : "牵头"));
            out.add(new Choice(q("parallel"), en ? "parallel" : "并联"));
        } else if ("boolean".equals(c.typeRef())) {
            out.add(new Choice("true", en ? "yes" : "是"));
            out.add(new Choice("false", en ? "no" : "否"));
        }
        if (output && "boolean".equals(c.typeRef()) && c.question() == null) {
            out.add(new Choice("null", en ? "(says nothing)" : "（不涉及）"));
        }
        if (!output) {
            out.add(new Choice("-", en ? "any" : "任意"));
        }
        return out;
    }

    private static List<Choice> question(Question q, boolean en) {
        List<Choice> out = new ArrayList<>();
        if (q.type() == AnswerType.BOOLEAN) {
            out.add(new Choice("true", en ? "yes" : "是"));
            out.add(new Choice("false", en ? "no" : "否"));
        } else {
            q.options().forEach(o -> out.add(new Choice(q(o.value()), en && o.labelEn() != null ? o.labelEn() : o.label())));
        }
        return out;
    }

    private static String q(String code) {
        return "\"" + code + "\"";
    }
}
