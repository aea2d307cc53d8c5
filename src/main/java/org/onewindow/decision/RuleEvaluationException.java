package org.onewindow.decision;

import java.util.List;

/**
 * A decision table failed while deciding a request (a FEEL runtime error, a value outside a
 * declared type): the intake fails closed with the model, decision and element named, instead of
 * treating the failed table as "no row applies".
 */
public class RuleEvaluationException extends RuntimeException {

    private final String model;
    private final String decision;
    private final List<String> errors;

    public RuleEvaluationException(String model, String decision, List<String> errors) {
        super("rules could not decide: model '" + model + "', decision '" + decision + "': " + String.join("; ", errors));
        this.model = model;
        this.decision = decision;
        this.errors = List.copyOf(errors);
    }

    public String model() {
        return model;
    }

    public String decision() {
        return decision;
    }

    public List<String> errors() {
        return errors;
    }
}
