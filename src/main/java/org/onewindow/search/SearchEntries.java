package org.onewindow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Department;
import org.onewindow.guide.LegalBasis;
import org.onewindow.guide.LifeEvent;
import org.onewindow.guide.Matter;
import org.onewindow.guide.MatterMaterial;

/**
 * What of a guide is searchable: name and aliases (boosted), and a body of department, theme,
 * type, conditions, material names, result and laws — the words a citizen might use for it; and
 * the same in English (English name and aliases, and a body of the English conditions, material
 * names, result, department and window) for English searches.
 */
public final class SearchEntries {

    private SearchEntries() {
    }

    public static List<SearchEntry> of(Catalogue catalogue, Map<String, String> windowOfMatter) {
        List<SearchEntry> entries = new ArrayList<>();
        for (Matter m : catalogue.matters()) {
            entries.add(new SearchEntry(SearchEntry.MATTER, m.code(), m.name(), m.nameEn(), m.aliases(), m.department(),
                    catalogue.department(m.department()).map(Department::name).orElse(null),
                    windowOfMatter.get(m.code()), body(catalogue, m), m.fullGuide() ? 1f : SearchEntry.CATALOGUE_ONLY,
                    m.aliasesEn(), bodyEn(catalogue, m), catalogue.department(m.department()).map(Department::nameEn).orElse(null)));
        }
        for (LifeEvent e : catalogue.events()) {
            StringJoiner body = new StringJoiner("。");
            body.add(nz(e.description()));
            StringJoiner bodyEn = new StringJoiner(". ");
            bodyEn.add(nz(e.descriptionEn()));
            e.matters().forEach(code -> catalogue.matter(code).ifPresent(m -> {
                body.add(m.name());
                bodyEn.add(nz(m.nameEn()));
            }));
            entries.add(new SearchEntry(SearchEntry.EVENT, e.code(), e.name(), e.nameEn(), e.aliases(),
                    e.leadDepartment(), catalogue.department(e.leadDepartment()).map(Department::name).orElse(null),
                    e.leadWindow(), body.toString(), 1f, e.aliasesEn(), bodyEn.toString(),
                    catalogue.department(e.leadDepartment()).map(Department::nameEn).orElse(null)));
        }
        return entries;
    }

    /** Parts end with a full stop so that the highlighter's sentences stay short. */
    private static String body(Catalogue catalogue, Matter m) {
        StringJoiner body = new StringJoiner("。");
        catalogue.department(m.department()).ifPresent(d -> body.add(d.name()).add(nz(d.shortName())));
        // a 行政审批局 matter is also found by the functional bureau whose law it applies
        catalogue.department(m.competentDepartment()).ifPresent(d -> body.add(d.name()).add(nz(d.shortName())));
        catalogue.theme(m.theme()).ifPresent(t -> body.add(t.name()));
        body.add(m.type().label());
        body.add(nz(m.conditions()));
        for (MatterMaterial row : m.materials()) {
            catalogue.material(row.material()).ifPresent(mat -> body.add(mat.name()));
            body.add(nz(row.title()));
        }
        if (m.result() != null) {
            body.add(nz(m.result().name()));
        }
        m.legalBasis().stream().map(LegalBasis::law).forEach(body::add);
        return body.toString();
    }

    /** The English body: department, conditions, material names and conditions, result. */
    private static String bodyEn(Catalogue catalogue, Matter m) {
        StringJoiner body = new StringJoiner(". ");
        catalogue.department(m.department()).ifPresent(d -> body.add(nz(d.nameEn())));
        body.add(nz(m.conditionsEn()));
        for (MatterMaterial row : m.materials()) {
            catalogue.material(row.material()).ifPresent(mat -> body.add(nz(mat.nameEn())));
        }
        if (m.result() != null) {
            body.add(nz(m.result().nameEn()));
        }
        return body.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
