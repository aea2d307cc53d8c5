package org.onewindow.staff;

import java.util.List;

/** The roles of the service centre's staff. */
public final class Roles {

    /** Everything, including managing staff. */
    public static final String ADMIN = "admin";
    /** Front desk of a comprehensive window: takes in, checks, accepts, returns, hands out results. */
    public static final String CLERK = "clerk";
    /** A department's reviewer: decides the applications dispatched to their department. */
    public static final String REVIEWER = "reviewer";
    /** Policy staff: edits and publishes rules. */
    public static final String POLICY = "policy";
    /** Tester: runs rule scenarios. */
    public static final String TESTER = "tester";
    /**
     * Supervisor of the service centre (监督/审核岗): approves or rejects clerks' overrides (the
     * second person), acknowledges escalated cases (督办), reads the statistics, follows up bad ratings.
     */
    public static final String SUPERVISOR = "supervisor";

    public static final List<String> ALL = List.of(ADMIN, CLERK, REVIEWER, POLICY, TESTER, SUPERVISOR);

    private Roles() {
    }
}
