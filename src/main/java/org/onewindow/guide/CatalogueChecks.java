package org.onewindow.guide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onewindow.guide.KnowledgeBaseLoader.Sourced;

/**
 * The district catalogue against the guides: every catalogue item is complete and unique, a guide
 * that covers an item is implemented by the department the catalogue names (the district's real
 * assignment — a matter the catalogue gives to the 行政审批局 is not quietly given back to a
 * functional bureau), a 行政审批局 matter names the bureau whose law it applies, and every service
 * point names matters that exist.
 */
final class CatalogueChecks {

    private CatalogueChecks() {
    }

    static List<KbProblem> check(Catalogue catalogue, List<Sourced<Matter>> guides, List<Sourced<CatalogueFile>> files,
            List<ServicePoint> servicePoints) {
        List<KbProblem> problems = new ArrayList<>();
        Map<String, String> departmentOfItem = new HashMap<>();
        Set<String> codes = new HashSet<>();
        guides.forEach(g -> codes.add(g.value().code()));
        for (Sourced<CatalogueFile> sourced : files) {
            String file = sourced.file();
            CatalogueFile f = sourced.value();
            var department = catalogue.department(f.department());
            if (department.isEmpty()) {
                problems.add(new KbProblem(file, "department", 0, "unknown department '" + f.department() + "'"));
                continue;
            }
            for (int i = 0; i < f.items().size(); i++) {
                CatalogueItem item = f.items().get(i);
                String at = "items[" + i + "]";
                if (blank(item.code()) || blank(item.itemCode()) || blank(item.name()) || item.type() == null
                        || blank(item.theme())) {
                    problems.add(new KbProblem(file, at, 0, "an item needs code, itemCode, name, type and theme"));
                    continue;
                }
                if (departmentOfItem.putIfAbsent(item.itemCode(), f.department()) != null) {
                    problems.add(new KbProblem(file, at + ".itemCode", 0, "item code '" + item.itemCode() + "' listed twice"));
                }
                if (!codes.add(item.code()) && catalogue.matter(item.code()).map(Matter::fullGuide).orElse(false)) {
                    problems.add(new KbProblem(file, at + ".code", 0, "code '" + item.code() + "' is already a guide's code"));
                }
                if (catalogue.theme(item.theme()).isEmpty()) {
                    problems.add(new KbProblem(file, at + ".theme", 0, "unknown theme '" + item.theme() + "'"));
                }
                if (department.get().approvalBureau() && blank(item.competentDepartment())) {
                    problems.add(new KbProblem(file, at + ".competentDepartment", 0, "a matter the approval bureau "
                            + "accepts names the functional bureau whose law it applies"));
                }
            }
        }
        for (Sourced<Matter> sourced : guides) {
            Matter m = sourced.value();
            for (int i = 0; i < m.catalogueItems().size(); i++) {
                String item = m.catalogueItems().get(i);
                String department = departmentOfItem.get(item);
                if (department == null) {
                    problems.add(new KbProblem(sourced.file(), "catalogueItems[" + i + "]", 0,
                            "no catalogue item '" + item + "'"));
                } else if (!department.equals(m.department()) && catalogue.department(m.department()).isPresent()) {
                    // (an unknown department is reported once, by the validator)
                    problems.add(new KbProblem(sourced.file(), "department", 0, "the catalogue gives item " + item
                            + " to department '" + department + "', not '" + m.department() + "'"));
                }
            }
            if (catalogue.department(m.department()).map(Department::approvalBureau).orElse(false)
                    && blank(m.competentDepartment())) {
                problems.add(new KbProblem(sourced.file(), "competentDepartment", 0, "a matter the approval bureau "
                        + "accepts names the functional bureau whose law it applies"));
            }
        }
        for (int i = 0; i < servicePoints.size(); i++) {
            ServicePoint p = servicePoints.get(i);
            String at = "[" + i + "]";
            if (blank(p.code()) || blank(p.name()) || blank(p.kind()) || blank(p.basis())) {
                problems.add(new KbProblem("service-points.yaml", at, 0, "a service point needs code, name, kind and basis"));
            }
            for (String matter : p.matters()) {
                if (catalogue.matter(matter).isEmpty()) {
                    problems.add(new KbProblem("service-points.yaml", at + ".matters", 0, "unknown matter '" + matter + "'"));
                }
            }
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
