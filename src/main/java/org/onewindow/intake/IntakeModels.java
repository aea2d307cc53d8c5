package org.onewindow.intake;

/**
 * The decision models intake consults, by the names policy staff see in the rules folder. These
 * names are a contract between the code and the rules; {@link IntakeRulesContract} refuses a rule
 * set that breaks it.
 */
final class IntakeModels {

    static final String WINDOW_MODEL = "window-routing";
    static final String WINDOW_DECISION = "Window";

    static final String DEPARTMENT_MODEL = "department-routing";
    static final String DEPARTMENT_DECISION = "Departments";

    static final String MATERIAL_MODEL = "material-requirements";
    static final String MATERIAL_DECISION = "Material requirements";

    static final String TOLERANCE_MODEL = "tolerance-policy";
    static final String TOLERANCE_DECISION = "Tolerance";

    static final String EVENT_MODEL = "life-event-matters";
    static final String EVENT_DECISION = "Event matters";

    /** model, decision, the input data it must declare. */
    static final String[][] REQUIRED = {
        {WINDOW_MODEL, WINDOW_DECISION, "Matter"},
        {DEPARTMENT_MODEL, DEPARTMENT_DECISION, "Matter", "Answers"},
        {MATERIAL_MODEL, MATERIAL_DECISION, "Matter", "Answers"},
        {TOLERANCE_MODEL, TOLERANCE_DECISION, "Applicant", "Material", "Matter"},
        {EVENT_MODEL, EVENT_DECISION, "Event", "Answers"},
    };

    private IntakeModels() {
    }
}
