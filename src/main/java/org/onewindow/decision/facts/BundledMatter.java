package org.onewindow.decision.facts;

/**
 * Drools fact: one matter of the intake (a single matter or a life event's selected matter), with
 * the material its result becomes, so the rules can see what the bundle produces by itself.
 */
public class BundledMatter {

    private final String code;
    private final String name;
    private final String resultMaterial;
    private final String window;
    private final boolean dedicatedWindow;

    public BundledMatter(String code, String name, String resultMaterial, String window, boolean dedicatedWindow) {
        this.code = code;
        this.name = name;
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
