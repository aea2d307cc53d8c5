package org.onewindow.guide;

import java.util.List;
import java.util.Map;

/**
 * 审批资料共享库 policy: which verified materials are kept for an applicant's later applications
 * ({@code keepCategories}, minus {@code neverKeep}) and for how many months
 * ({@code validityMonths} per material, else {@code defaultValidityMonths}).
 */
public record LibraryPolicy(List<MaterialCategory> keepCategories, Integer defaultValidityMonths,
        Map<String, Integer> validityMonths, List<String> neverKeep) implements java.io.Serializable {

    /** Nothing is kept: the policy when the knowledge base has no library.yaml. */
    public static final LibraryPolicy NONE = new LibraryPolicy(List.of(), 0, Map.of(), List.of());

    public LibraryPolicy {
        keepCategories = keepCategories == null ? List.of() : List.copyOf(keepCategories);
        defaultValidityMonths = defaultValidityMonths == null ? 12 : defaultValidityMonths;
        validityMonths = validityMonths == null ? Map.of() : Map.copyOf(validityMonths);
        neverKeep = neverKeep == null ? List.of() : List.copyOf(neverKeep);
    }

    /** Whether a verified copy of this material is kept for the applicant's later applications. */
    public boolean keeps(Material material) {
        return keepCategories.contains(material.category()) && !neverKeep.contains(material.code());
    }

    /** How long a kept copy of the material stays valid. */
    public int monthsFor(String material) {
        return validityMonths.getOrDefault(material, defaultValidityMonths);
    }
}
