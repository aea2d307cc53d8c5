package org.onewindow.decision;

/** No rule set has ever compiled, so no decision can be made (readiness is DOWN meanwhile). */
public class RulesUnavailableException extends RuntimeException {

    public RulesUnavailableException(String message) {
        super(message);
    }
}
