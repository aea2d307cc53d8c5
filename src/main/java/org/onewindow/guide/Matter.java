package org.onewindow.guide;

import java.util.List;

/**
 * A service guide (办事指南): the national guide elements of one matter (事项).
 *
 * @param code        stable identifier used in URLs, rules and scenarios
 * @param catalogCode national 基本编码 / 实施编码 where known
 * @param theme       主题分类, the input of window routing
 * @param conditionsEn the acceptance conditions in English (as {@code placeEn}, {@code hoursEn}): what the
 *                     English pages show; the quality gate refuses a full guide without them
 */
public record Matter(String code, String catalogCode, String name, String nameEn, List<String> aliases,
        MatterType type, String department, List<String> coDepartments, String theme,
        List<String> serviceObjects, String useLevel, String handlingType, List<LegalBasis> legalBasis,
        String conditions, List<MatterMaterial> materials, List<ProcessStep> process, TimeLimit timeLimit,
        Fee fee, OnlineService online, String place, String hours, String phone, ResultDocument result,
        Provenance provenance, String conditionsEn, String placeEn, String hoursEn, List<String> aliasesEn) {

    public Matter {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        aliasesEn = aliasesEn == null ? List.of() : List.copyOf(aliasesEn);
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
        serviceObjects = serviceObjects == null ? List.of() : List.copyOf(serviceObjects);
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        materials = materials == null ? List.of() : List.copyOf(materials);
        process = process == null ? List.of() : List.copyOf(process);
    }

    /** The first legal basis as a short citation, used where one line must do. */
    public String primaryBasis() {
        return legalBasis.isEmpty() ? null : legalBasis.get(0).citation();
    }

    public MatterMaterial material(String materialCode) {
        return materials.stream().filter(m -> m.material().equals(materialCode)).findFirst().orElse(null);
    }
}
