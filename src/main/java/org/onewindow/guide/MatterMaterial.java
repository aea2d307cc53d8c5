package org.onewindow.guide;

/**
 * One row of a guide's 申请材料 table, pointing at the standard catalogue.
 *
 * @param material      catalogue code
 * @param requirement   required, or conditional (a decision table decides, {@code condition} says when)
 * @param key           主要申请材料 (主审要件): never tolerated missing
 * @param tolerable     listed in the department's 容缺受理 list for this matter
 * @param toleranceDays the department's own supplement deadline, if it publishes one
 * @param toleranceBasis where the tolerance comes from: a published 容缺受理清单 or regulation, or
 *                      {@code district-policy：} with the district's reason — required when tolerable
 * @param sharedLibrary obtainable from the shared material library / e-licence platform
 */
public record MatterMaterial(String material, String title, MaterialForm form, int originals, int copies,
        Medium medium, MaterialSource source, Requirement requirement, String condition, boolean key,
        boolean tolerable, Integer toleranceDays, String toleranceBasis, boolean sharedLibrary, String acceptStandard, String basis,
        String note, String conditionEn) implements java.io.Serializable {

    public boolean conditional() {
        return requirement == Requirement.CONDITIONAL;
    }
}
