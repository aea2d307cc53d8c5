package org.onewindow.intake;

/**
 * The rules and the knowledge base disagree (a matter no window row routes, an unknown department
 * in a table). A fault of the rule set, not of the caller; the quality gate exists to prevent it.
 */
public class RuleGapException extends RuntimeException {

    public RuleGapException(String message) {
        super(message);
    }
}
