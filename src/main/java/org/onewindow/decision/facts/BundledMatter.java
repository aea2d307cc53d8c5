package org.onewindow.decision.facts;

/**
 * Rule fact: one matter of a multi-matter intake, in the order the applicant listed them (or the
 * life event lists them), with the window its own routing row chose and the material its result
 * becomes, so the bundle rules can see what the bundle produces by itself.
 */
public class BundledMatter {

    private final String code;
    private final String name;
    private final String nameEn;
    private final int position;
    private final String resultMaterial;
    private final String window;
    private final boolean dedicatedWindow;

    public BundledMatter(String code, String name, String nameEn, int position, String resultMaterial, String window,
            boolean dedicatedWindow) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.position = position;
        this.resultMaterial = resultMaterial;
        this.window = window;
        this.dedicatedWindow = dedicatedWindow;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public int getPosition() {
        return position;
    }

    public String getResultMaterial() {
        return resultMaterial;
    }

    public String getWindow() {
        return window;
    }

    public boolean isDedicatedWindow() {
        return dedicatedWindow;
    }
}
