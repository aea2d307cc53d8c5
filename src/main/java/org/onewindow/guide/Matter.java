package org.onewindow.guide;

import java.util.List;

/**
 * A service guide (办事指南): the national guide elements of one matter (事项). A matter of the
 * district catalogue without a checked guide is {@link GuideStatus#CATALOGUE_ONLY}: name, type,
 * department and theme only, no materials.
 *
 * @param code                stable identifier used in URLs, rules and scenarios
 * @param catalogCode         national 基本编码 where known
 * @param catalogueItems      the item codes (实施编码) of the district catalogue this guide covers
 *                            (several when it covers several 业务办理项); empty when the matter is
 *                            not in the district's catalogue
 * @param competentDepartment the functional bureau whose law the matter applies, when another
 *                            department (a 行政审批局) accepts and decides it
 * @param theme               主题分类, the input of window routing
 * @param guideStatus         full guide (default) or catalogue entry only
 * @param conditionsEn        the acceptance conditions in English (as {@code placeEn}, {@code hoursEn}):
 *                            what the English pages show; the quality gate refuses a full guide without them
 */
public record Matter(String code, String catalogCode, List<String> catalogueItems, String name, String nameEn,
        List<String> aliases, MatterType type, String department, String competentDepartment,
        List<String> coDepartments, String theme, List<String> serviceObjects, String useLevel, String handlingType,
        List<LegalBasis> legalBasis, String conditions, List<MatterMaterial> materials, List<ProcessStep> process,
        TimeLimit timeLimit, Fee fee, OnlineService online, String place, String hours, String phone,
        ResultDocument result, Provenance provenance, GuideStatus guideStatus, String conditionsEn,
        String placeEn, String hoursEn, List<String> aliasesEn) implements java.io.Serializable {

    public Matter {
        catalogueItems = catalogueItems == null ? List.of() : List.copyOf(catalogueItems);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        aliasesEn = aliasesEn == null ? List.of() : List.copyOf(aliasesEn);
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
        serviceObjects = serviceObjects == null ? List.of() : List.copyOf(serviceObjects);
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        materials = materials == null ? List.of() : List.copyOf(materials);
        process = process == null ? List.of() : List.copyOf(process);
        guideStatus = guideStatus == null ? GuideStatus.FULL : guideStatus;
    }

    /** A real matter of the district catalogue that has no checked guide yet. */
    static Matter catalogueOnly(CatalogueFile file, CatalogueItem item) {
        return new Matter(item.code(), item.basicCode(), List.of(item.itemCode()), item.name(), item.nameEn(), List.of(),
                item.type(), file.department(), item.competentDepartment(), List.of(), item.theme(), List.of(), null,
                null, List.of(), null, List.of(), List.of(), null, null, null, null, null, null, null,
                new Provenance(List.of(new Provenance.Source(null, file.source(), null, null, null,
                        "《" + file.catalogueDepartment() + "政务服务事项目录》（" + item.itemCode() + "）", "事项名称、类型、实施部门")),
                        null, null, null),
                GuideStatus.CATALOGUE_ONLY, null, null, null, List.of());
    }

    /** Whether the matter has a checked service guide (materials, conditions, time limits). */
    public boolean fullGuide() {
        return guideStatus == GuideStatus.FULL;
    }

    /** The promised time limit in working days, or null when no guide states it. */
    public Integer promisedDays() {
        return timeLimit == null ? null : timeLimit.promised();
    }

    /** The first legal basis as a short citation, used where one line must do. */
    public String primaryBasis() {
        return legalBasis.isEmpty() ? null : legalBasis.get(0).citation();
    }

    public MatterMaterial material(String materialCode) {
        return materials.stream().filter(m -> m.material().equals(materialCode)).findFirst().orElse(null);
    }
}
