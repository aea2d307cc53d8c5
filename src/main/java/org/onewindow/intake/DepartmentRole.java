package org.onewindow.intake;

import java.util.List;

/** A department working on the intake: the lead, or one approving in parallel (并联审批). */
public record DepartmentRole(String code, String name, String nameEn, String role, List<String> matters,
        String reason, String reasonEn) {

    public static final String LEAD = "lead";
    public static final String PARALLEL = "parallel";
}
