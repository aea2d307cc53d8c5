package org.onewindow.casework;

import com.fasterxml.jackson.annotation.JsonValue;

/** A checklist item of an application, as the clerk checked it in. */
public enum MaterialState {
    /** Not yet checked. */
    PENDING("pending"),
    /** Received and verified at the desk. */
    RECEIVED("received"),
    /** Taken from the shared material library: not asked again. */
    LIBRARY("library"),
    /** Missing at acceptance, allowed later under the commitment (容缺). */
    TOLERATED("tolerated"),
    /** Checked and not there. */
    MISSING("missing"),
    /** A tolerated item supplied after acceptance. */
    SUPPLIED("supplied");

    private final String code;

    MaterialState(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Whether the material is at hand for the completeness check. */
    public boolean atHand() {
        return this == RECEIVED || this == LIBRARY || this == SUPPLIED;
    }

    public static MaterialState of(String code) {
        for (MaterialState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown material state " + code);
    }
}
