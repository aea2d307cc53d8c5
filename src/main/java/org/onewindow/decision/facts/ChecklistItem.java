package org.onewindow.decision.facts;

/**
 * Drools fact: one required material of an application and whether it is missing. A material
 * missing but {@code tolerable} may be supplied after acceptance under a commitment.
 */
public class ChecklistItem {

    private final String code;
    private final boolean key;
    private final boolean tolerable;
    private final boolean missing;

    public ChecklistItem(String code, boolean key, boolean tolerable, boolean missing) {
        this.code = code;
        this.key = key;
        this.tolerable = tolerable;
        this.missing = missing;
    }

    public String getCode() {
        return code;
    }

    public boolean isKey() {
        return key;
    }

    public boolean isTolerable() {
        return tolerable;
    }

    public boolean isMissing() {
        return missing;
    }
}
