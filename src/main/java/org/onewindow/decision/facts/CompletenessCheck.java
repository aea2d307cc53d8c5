package org.onewindow.decision.facts;

/** Drools fact: marks a session as a completeness check, so only the completeness rules apply. */
public class CompletenessCheck {
}
