package org.onewindow.guide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.onewindow.guide.KnowledgeBaseLoader.Sourced;

/**
 * Required fields and cross references of a freshly parsed knowledge base. A guide that names a
 * material, department, theme or question that does not exist would silently produce a wrong
 * checklist at the window, so the whole load fails instead.
 */
final class CatalogueValidator {

    private static final Set<String> SERVICE_OBJECTS = Set.of("person", "enterprise");

    private final Catalogue catalogue;
    private final List<Window> windows;
    private final List<Department> departments;
    private final List<Theme> themes;
    private final List<Material> materials;
    private final List<Question> questions;
    private final List<Sourced<Matter>> matters;
    private final List<Sourced<LifeEvent>> events;
    private final List<Synonym> synonyms;
    private final List<KbProblem> problems = new ArrayList<>();

    CatalogueValidator(Catalogue catalogue, List<Window> windows, List<Department> departments, List<Theme> themes,
            List<Material> materials, List<Question> questions, List<Sourced<Matter>> matters,
            List<Sourced<LifeEvent>> events, List<Synonym> synonyms) {
        this.catalogue = catalogue;
        this.windows = windows;
        this.departments = departments;
        this.themes = themes;
        this.materials = materials;
        this.questions = questions;
        this.matters = matters;
        this.events = events;
        this.synonyms = synonyms;
    }

    List<KbProblem> validate() {
        checkList("windows.yaml", windows, Window::code, (w, at) -> {
            require(w.name(), "windows.yaml", at + ".name");
            require(w.kind(), "windows.yaml", at + ".kind");
            if (w.kind() == WindowKind.DEDICATED) {
                requireRef(w.department(), catalogue.department(w.department()).isPresent(), "windows.yaml",
                        at + ".department", "department");
            } else if (w.department() != null) {
                problems.add(new KbProblem("windows.yaml", at + ".department", 0,
                        "only a dedicated window belongs to a department"));
            }
        });
        checkList("departments.yaml", departments, Department::code,
                (d, at) -> require(d.name(), "departments.yaml", at + ".name"));
        checkList("themes.yaml", themes, Theme::code, (t, at) -> require(t.name(), "themes.yaml", at + ".name"));
        checkList("materials.yaml", materials, Material::code, (m, at) -> {
            require(m.name(), "materials.yaml", at + ".name");
            require(m.category(), "materials.yaml", at + ".category");
        });
        checkList("questions.yaml", questions, Question::id, this::checkQuestion);
        checkMatters();
        checkEvents();
        checkSynonyms();
        return problems;
    }

    private interface Check<T> {
        void accept(T item, String at);
    }

    private <T> void checkList(String file, List<T> items, Function<T, String> key, Check<T> check) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String at = "[" + i + "]";
            String code = key.apply(item);
            if (blank(code)) {
                problems.add(new KbProblem(file, at + ".code", 0, "required field is missing"));
                continue;
            }
            if (!seen.add(code)) {
                problems.add(new KbProblem(file, at + ".code", 0, "duplicate code '" + code + "'"));
            }
            check.accept(item, at + "(" + code + ")");
        }
    }

    private void checkQuestion(Question q, String at) {
        require(q.text(), "questions.yaml", at + ".text");
        require(q.type(), "questions.yaml", at + ".type");
        require(q.why(), "questions.yaml", at + ".why");
        if (q.type() == AnswerType.CHOICE && q.options().isEmpty()) {
            problems.add(new KbProblem("questions.yaml", at + ".options", 0, "a choice question needs options"));
        }
        if (q.type() != AnswerType.CHOICE && !q.options().isEmpty()) {
            problems.add(new KbProblem("questions.yaml", at + ".options", 0, "only choice questions have options"));
        }
    }

    private void checkMatters() {
        Map<String, String> codes = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Sourced<Matter> sourced : matters) {
            String file = sourced.file();
            Matter m = sourced.value();
            if (blank(m.code())) {
                problems.add(new KbProblem(file, "code", 0, "required field is missing"));
                continue;
            }
            String previous = codes.putIfAbsent(m.code(), file);
            if (previous != null) {
                problems.add(new KbProblem(file, "code", 0, "duplicate code '" + m.code() + "', also in " + previous));
            }
            if (!blank(m.name()) && m.fullGuide()) {
                // the real catalogue repeats a few names under different item codes; guides must not
                String sameName = names.putIfAbsent(m.name(), file);
                if (sameName != null) {
                    problems.add(new KbProblem(file, "name", 0, "duplicate name '" + m.name() + "', also in " + sameName));
                }
            }
            checkMatter(file, m);
        }
    }

    private void checkMatter(String file, Matter m) {
        require(m.name(), file, "name");
        require(m.type(), file, "type");
        if (m.competentDepartment() != null) {
            requireRef(m.competentDepartment(), catalogue.department(m.competentDepartment()).isPresent(), file,
                    "competentDepartment", "department");
        }
        if (!m.fullGuide()) {
            // a catalogue entry: what the catalogue says, nothing invented (see CatalogueChecks)
            requireRef(m.department(), catalogue.department(m.department()).isPresent(), file,
                    m.code() + ".department", "department");
            requireRef(m.theme(), catalogue.theme(m.theme()).isPresent(), file, m.code() + ".theme", "theme");
            return;
        }
        require(m.conditions(), file, "conditions");
        require(m.place(), file, "place");
        require(m.phone(), file, "phone");
        requireRef(m.department(), catalogue.department(m.department()).isPresent(), file, "department", "department");
        for (int i = 0; i < m.coDepartments().size(); i++) {
            String co = m.coDepartments().get(i);
            requireRef(co, catalogue.department(co).isPresent(), file, "coDepartments[" + i + "]", "department");
        }
        requireRef(m.theme(), catalogue.theme(m.theme()).isPresent(), file, "theme", "theme");
        for (int i = 0; i < m.serviceObjects().size(); i++) {
            if (!SERVICE_OBJECTS.contains(m.serviceObjects().get(i))) {
                problems.add(new KbProblem(file, "serviceObjects[" + i + "]", 0, "must be person or enterprise"));
            }
        }
        if (m.legalBasis().isEmpty()) {
            problems.add(new KbProblem(file, "legalBasis", 0, "a guide must cite at least one legal basis"));
        }
        for (int i = 0; i < m.legalBasis().size(); i++) {
            require(m.legalBasis().get(i).law(), file, "legalBasis[" + i + "].law");
        }
        checkTimeLimit(file, m.timeLimit());
        require(m.fee(), file, "fee");
        require(m.online(), file, "online");
        if (require(m.result(), file, "result")) {
            require(m.result().name(), file, "result.name");
            if (m.result().material() != null) {
                requireRef(m.result().material(), catalogue.material(m.result().material()).isPresent(), file,
                        "result.material", "material");
            }
        }
        if (require(m.provenance(), file, "provenance")) {
            checkProvenance(file, m.provenance());
        }
        if (m.materials().isEmpty()) {
            problems.add(new KbProblem(file, "materials", 0, "a guide must list its materials"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < m.materials().size(); i++) {
            checkMaterialRow(file, "materials[" + i + "]", m.materials().get(i), seen);
        }
    }

    /**
     * A guide names where its content comes from: a real source (a published guide page, a
     * regulation with its article, a published list, a reference guide), or — where the list is the
     * district's own judgement — says so. Both may be given; neither is refused.
     */
    private void checkProvenance(String file, Provenance p) {
        if (!p.hasRealSource() && blank(p.districtJudgement())) {
            problems.add(new KbProblem(file, "provenance", 0, "name a real source (a guide page url, a regulation "
                    + "with its article, a published list, a referenceGuide) or state the districtJudgement"));
        }
        if (p.referenceGuide() != null && catalogue.referenceGuide(p.referenceGuide()).isEmpty()) {
            problems.add(new KbProblem(file, "provenance.referenceGuide", 0, "unknown reference guide '"
                    + p.referenceGuide() + "' (reference-guides.yaml)"));
        }
        for (int i = 0; i < p.sources().size(); i++) {
            Provenance.Source s = p.sources().get(i);
            if (!s.real()) {
                problems.add(new KbProblem(file, "provenance.sources[" + i + "]", 0, "a source is an http(s) url, "
                        + "a regulation in 《》 with its article, or a published list in 《》"));
            }
        }
    }

    private void checkTimeLimit(String file, TimeLimit limit) {
        if (!require(limit, file, "timeLimit") || !require(limit.statutory(), file, "timeLimit.statutory")
                || !require(limit.promised(), file, "timeLimit.promised")) {
            return;
        }
        if (limit.promised() < 0 || limit.statutory() < 0) {
            problems.add(new KbProblem(file, "timeLimit", 0, "time limits are working days, never negative"));
        }
        if (limit.statutoryCalendarDays() != null
                && limit.statutory() > TimeLimit.workingDaysWithin(limit.statutoryCalendarDays())) {
            problems.add(new KbProblem(file, "timeLimit.statutory", 0, "the law's " + limit.statutoryCalendarDays()
                    + " calendar days hold at most " + TimeLimit.workingDaysWithin(limit.statutoryCalendarDays())
                    + " working days, not " + limit.statutory()));
        }
        if (limit.promised() > limit.statutory()) {
            problems.add(new KbProblem(file, "timeLimit.promised", 0, "promised limit " + limit.promised()
                    + " exceeds the statutory limit " + limit.statutory()));
        }
    }

    private void checkMaterialRow(String file, String at, MatterMaterial row, Set<String> seen) {
        if (!requireRef(row.material(), catalogue.material(row.material()).isPresent(), file, at + ".material",
                "material")) {
            return;
        }
        if (!seen.add(row.material())) {
            problems.add(new KbProblem(file, at + ".material", 0, "material '" + row.material() + "' listed twice"));
        }
        require(row.form(), file, at + ".form");
        require(row.medium(), file, at + ".medium");
        require(row.source(), file, at + ".source");
        require(row.requirement(), file, at + ".requirement");
        if (row.conditional() && blank(row.condition())) {
            problems.add(new KbProblem(file, at + ".condition", 0, "a conditional material must say when it is needed"));
        }
        if (row.key() && row.tolerable()) {
            problems.add(new KbProblem(file, at + ".tolerable", 0, "a key material can never be tolerated missing"));
        }
        if (row.toleranceDays() != null && !row.tolerable()) {
            problems.add(new KbProblem(file, at + ".toleranceDays", 0, "only tolerable materials have a supplement deadline"));
        }
        if (row.tolerable() && catalogue.material(row.material()).map(Material::reviewScope).orElse(false)) {
            problems.add(new KbProblem(file, at + ".tolerable", 0, "material '" + row.material() + "' defines the "
                    + "scope of the review (layout, plans, drawings, maps, capital verification) and can never be "
                    + "tolerated missing"));
        }
        if (row.tolerable() && !ToleranceSources.named(row.toleranceBasis())) {
            problems.add(new KbProblem(file, at + ".toleranceBasis", 0, "a tolerable material must name its source: "
                    + "a published 容缺受理清单 or regulation (《…》, 〔…〕号), or \"district-policy：\" with the reason"));
        }
    }

    private void checkEvents() {
        Set<String> codes = new HashSet<>();
        for (Sourced<LifeEvent> sourced : events) {
            String file = sourced.file();
            LifeEvent e = sourced.value();
            if (blank(e.code())) {
                problems.add(new KbProblem(file, "code", 0, "required field is missing"));
                continue;
            }
            if (!codes.add(e.code()) || catalogue.matter(e.code()).isPresent()) {
                problems.add(new KbProblem(file, "code", 0, "duplicate code '" + e.code() + "'"));
            }
            require(e.name(), file, "name");
            require(e.programme(), file, "programme");
            requireRef(e.leadWindow(), catalogue.window(e.leadWindow()).isPresent(), file, "leadWindow", "window");
            requireRef(e.leadDepartment(), catalogue.department(e.leadDepartment()).isPresent(), file,
                    "leadDepartment", "department");
            if (e.matters().size() < 2) {
                problems.add(new KbProblem(file, "matters", 0, "a life event bundles at least two matters"));
            }
            for (int i = 0; i < e.matters().size(); i++) {
                String code = e.matters().get(i);
                if (requireRef(code, catalogue.matter(code).isPresent(), file, "matters[" + i + "]", "matter")
                        && !catalogue.matter(code).get().fullGuide()) {
                    problems.add(new KbProblem(file, "matters[" + i + "]", 0, "matter '" + code + "' has no full "
                            + "guide; a life event merges material lists, so it bundles full guides only"));
                }
            }
            for (int i = 0; i < e.questions().size(); i++) {
                String id = e.questions().get(i);
                requireRef(id, catalogue.question(id).isPresent(), file, "questions[" + i + "]", "question");
            }
        }
    }

    private void checkSynonyms() {
        for (int i = 0; i < synonyms.size(); i++) {
            Synonym s = synonyms.get(i);
            String at = "[" + i + "]";
            if (s.words().isEmpty() || s.words().stream().anyMatch(CatalogueValidator::blank)) {
                problems.add(new KbProblem("synonyms.yaml", at + ".words", 0, "give the colloquial words, none blank"));
            }
            if (s.means().isEmpty() || s.means().stream().anyMatch(CatalogueValidator::blank)) {
                problems.add(new KbProblem("synonyms.yaml", at + ".means", 0, "give the official terms they mean, none blank"));
            }
        }
    }

    private boolean require(Object value, String file, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(new KbProblem(file, field, 0, "required field is missing"));
            return false;
        }
        return true;
    }

    private boolean requireRef(String code, boolean exists, String file, String field, String kind) {
        if (!require(code, file, field)) {
            return false;
        }
        if (!exists) {
            problems.add(new KbProblem(file, field, 0, "unknown " + kind + " '" + code + "'"));
            return false;
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
