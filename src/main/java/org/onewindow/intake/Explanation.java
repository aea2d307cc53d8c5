package org.onewindow.intake;

/**
 * One reason behind the outcome: the decision, the rule row that fired (e.g.
 * {@code window-routing#window-tax}), the matter and material it concerned, the plain-language
 * reason and the legal basis.
 */
public record Explanation(String decision, String rule, String matter, String material, String reason,
        String reasonEn, String basis) {
}
