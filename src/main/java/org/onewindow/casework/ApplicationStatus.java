package org.onewindow.casework;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an application (办件) stands. checking → accepted | accepted-with-tolerance | returned;
 * accepted (with tolerance) → ready-for-pickup when every department has decided → delivered;
 * accepted-with-tolerance ⇄ suspended while a tolerated material is overdue.
 */
public enum ApplicationStatus {
    /** At the desk: materials being checked in. */
    CHECKING("checking"),
    /** Accepted with every required material (受理). */
    ACCEPTED("accepted"),
    /** Accepted with tolerable materials missing under a signed commitment (容缺受理). */
    ACCEPTED_WITH_TOLERANCE("accepted-with-tolerance"),
    /**
     * Processing stopped (中止): a tolerated material is overdue. Resumes (back to
     * accepted-with-tolerance) when it is supplied.
     */
    SUSPENDED("suspended"),
    /** Not accepted: handed back with the one-time notice of everything still needed (一次性告知). */
    RETURNED("returned"),
    /** Every department has decided; the result waits at the unified window (统一出件). */
    READY_FOR_PICKUP("ready-for-pickup"),
    /** The result has been handed to the applicant. */
    DELIVERED("delivered");

    private final String code;

    ApplicationStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public boolean accepted() {
        return this == ACCEPTED || this == ACCEPTED_WITH_TOLERANCE;
    }

    /** Accepted and not finished: the departments work on it and its time limit runs (suspended too). */
    public boolean running() {
        return accepted() || this == SUSPENDED;
    }

    public static ApplicationStatus of(String code) {
        for (ApplicationStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status " + code);
    }
}
