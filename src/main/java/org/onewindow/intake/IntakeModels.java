package org.onewindow.intake;

/**
 * The decision models and rule units intake consults, by the names policy staff see in the rules
 * folder. These names are a contract between the code and the rules; {@link IntakeRulesContract}
 * refuses a rule set that breaks it.
 */
final class IntakeModels {

    static final String WINDOW_MODEL = "window-routing";
    static final String WINDOW_DECISION = "Window";

    static final String DEPARTMENT_MODEL = "department-routing";
    static final String DEPARTMENT_DECISION = "Departments";

    /**
     * Material requirements: one model per department ({@code rules/materials/<department>.dmn},
     * named {@code materials-<department>}), one decision per matter named by the matter's code,
     * taking the input data {@code Answers}.
     */
    static final String MATERIAL_MODEL_PREFIX = "materials-";

    static final String TOLERANCE_MODEL = "tolerance-policy";
    static final String TOLERANCE_DECISION = "Tolerance";

    /** Life events: one decision per event, named by the event's code, taking {@code Answers}. */
    static final String EVENT_MODEL = "life-event-matters";

    /** How the department decisions on an application roll up into its result. */
    static final String RESULT_MODEL = "department-decisions";
    static final String RESULT_DECISION = "Application result";

    /** model, decision, the input data it must declare. */
    static final String[][] REQUIRED = {
        {WINDOW_MODEL, WINDOW_DECISION, "Matter"},
        {DEPARTMENT_MODEL, DEPARTMENT_DECISION, "Matter", "Answers"},
        {TOLERANCE_MODEL, TOLERANCE_DECISION, "Applicant", "Material", "Matter"},
        {RESULT_MODEL, RESULT_DECISION, "Department decisions"},
    };

    private IntakeModels() {
    }

    static boolean isMaterialModel(String model) {
        return model.startsWith(MATERIAL_MODEL_PREFIX);
    }

    /**
     * The models that state intake policy, whose every row must give its reason and legal basis.
     * Other DMN files in the rules folder are served on the decision endpoints but decide nothing
     * about an intake.
     */
    static boolean isPolicyModel(String model) {
        return isMaterialModel(model) || model.equals(WINDOW_MODEL) || model.equals(DEPARTMENT_MODEL)
                || model.equals(TOLERANCE_MODEL) || model.equals(EVENT_MODEL) || model.equals(RESULT_MODEL);
    }
}
