package org.onewindow.intake;

import java.util.HashMap;
import java.util.Map;

import org.onewindow.guide.Matter;
import org.onewindow.guide.Material;
import org.onewindow.guide.MatterMaterial;

/**
 * Builds the DMN input contexts intake passes to the decision tables. Every field a table may
 * declare is always present (null when unknown), because type-checked DMN refuses a structure with
 * a declared component missing.
 */
public final class DecisionInputs {

    private DecisionInputs() {
    }

    public static Map<String, Object> matter(Matter m) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("code", m.code());
        ctx.put("name", m.name());
        ctx.put("type", m.type().label());
        ctx.put("department", m.department());
        ctx.put("competentDepartment", m.competentDepartment());
        ctx.put("theme", m.theme());
        // a catalogue-only matter states no time limits
        ctx.put("promisedDays", m.timeLimit() == null ? null : m.timeLimit().promised());
        ctx.put("statutoryDays", m.timeLimit() == null ? null : m.timeLimit().statutory());
        return ctx;
    }

    public static Map<String, Object> material(MatterMaterial row, Material material) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("code", row.material());
        ctx.put("reviewScope", material.reviewScope());
        ctx.put("key", row.key());
        ctx.put("tolerable", row.tolerable());
        ctx.put("toleranceDays", row.toleranceDays());
        return ctx;
    }

    public static Map<String, Object> applicant(Applicant a) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("type", a.type());
        ctx.put("creditStatus", a.creditStatus());
        return ctx;
    }

}
