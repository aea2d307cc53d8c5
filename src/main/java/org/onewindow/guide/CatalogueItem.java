package org.onewindow.guide;

/**
 * One matter of the district's real matter catalogue (政务服务事项目录), as listed by the catalogue:
 * its national item code (实施编码), name and type, with the district's classification: the theme that
 * decides its window and, for a matter the 行政审批局 accepts, the functional bureau whose law it
 * applies ({@code competentDepartment}).
 *
 * @param code   the stable code of the matter in this knowledge base (URLs, rules)
 * @param nameEn the name in English, which the English pages show for a catalogue-only matter (the
 *               catalogue itself has no English; the quality gate's {@code english} check lists an
 *               uncovered item without one)
 * @param group  the catalogue's main matter when this is one of its sub-items (业务办理项)
 */
public record CatalogueItem(String code, String itemCode, String name, String nameEn, MatterType type, String theme,
        String competentDepartment, String group) implements java.io.Serializable {

    /** The national basic code (基本编码): the item code up to the district's area code. */
    public String basicCode() {
        int at = itemCode == null ? -1 : itemCode.indexOf("-511602");
        return at < 0 ? itemCode : itemCode.substring(0, at);
    }
}
