package org.onewindow.decision.facts;

/**
 * Drools fact: something the applicant must be told about the bundle as a whole (an order of
 * matters, a dedicated window to visit). Text comes from the rule, which policy staff own.
 */
public class BundleNote {

    private final String rule;
    private final String matter;
    private final String text;
    private final String textEn;

    public BundleNote(String rule, String matter, String text, String textEn) {
        this.rule = rule;
        this.matter = matter;
        this.text = text;
        this.textEn = textEn;
    }

    public String getRule() {
        return rule;
    }

    public String getMatter() {
        return matter;
    }

    public String getText() {
        return text;
    }

    public String getTextEn() {
        return textEn;
    }
}
