package org.onewindow.intake;

import java.util.List;

import org.onewindow.decision.FiredRow;
import org.onewindow.guide.Material;
import org.onewindow.guide.Matter;
import org.onewindow.guide.MatterMaterial;

/** What the tables decided for one matter: its window, departments and each material of its guide. */
record MatterDecision(Matter matter, String window, List<DepartmentRole> departments,
        List<MatterDecision.MaterialDecision> materials) {

    /**
     * One material of the guide: {@code required} true (needed), false (not needed here) or null
     * (pending an answer); whether it may be supplied later and by when, and the rows that said so.
     */
    record MaterialDecision(MatterMaterial row, Material material, Boolean required, boolean tolerable,
            Integer deadlineDays, String reason, String reasonEn, String basis, FiredRow toleranceRow) {
    }
}
