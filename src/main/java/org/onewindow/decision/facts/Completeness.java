package org.onewindow.decision.facts;

/** Drools fact: the completeness rules' verdict — complete, tolerable or incomplete. */
public class Completeness {

    private final String outcome;

    public Completeness(String outcome) {
        this.outcome = outcome;
    }

    public String getOutcome() {
        return outcome;
    }
}
