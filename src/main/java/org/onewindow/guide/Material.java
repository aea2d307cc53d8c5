package org.onewindow.guide;

/**
 * An entry of the standard material catalogue: the same paper has one code in every guide, which
 * is what lets a life event de-duplicate its list and the shared library recognise what it holds.
 */
public record Material(String code, String name, String nameEn, MaterialCategory category,
        String issuer, boolean electronicLicence, String description) {
}
