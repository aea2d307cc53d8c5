package org.onewindow.guide;

import java.util.List;

/**
 * One department's part of the district's matter catalogue ({@code catalogue/<department>.yaml}):
 * the department that accepts these matters, its name in the catalogue, where the catalogue comes
 * from, and its items.
 */
public record CatalogueFile(String department, String catalogueDepartment, String source, List<CatalogueItem> items) implements java.io.Serializable {

    public CatalogueFile {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
