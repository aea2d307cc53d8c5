package org.onewindow.guide;

/**
 * An entry of the standard material catalogue: the same paper has one code in every guide, which
 * is what lets a life event de-duplicate its list and the shared library recognise what it holds.
 *
 * @param reviewScope the material defines the scope of the review itself — the layout an on-site
 *                    inspection checks, the plans a fire check reads, red-line and survey maps,
 *                    design drawings, capital verification — so it is a 主审要件 and can never be
 *                    supplied later (容缺): without it there is nothing to review
 */
public record Material(String code, String name, String nameEn, MaterialCategory category,
        String issuer, boolean electronicLicence, String description, boolean reviewScope) implements java.io.Serializable {
}
