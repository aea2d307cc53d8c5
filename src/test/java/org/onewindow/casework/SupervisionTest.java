package org.onewindow.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** 电子监察 colours: green, yellow within the warning period, red after the promised limit; suspension. */
class SupervisionTest {

    private static final WorkingDays DAYS = new WorkingDays(List.of());
    private static final LocalDate ACCEPTED = LocalDate.parse("2026-06-01"); // a Monday
    private static final LocalDate DUE = LocalDate.parse("2026-06-12");     // Friday of the next week

    private static Supervision on(String today, List<ChecklistLine> lines) {
        return Supervision.of(ApplicationStatus.ACCEPTED, ACCEPTED, DUE, lines, LocalDate.parse(today), DAYS, 2);
    }

    private static ChecklistLine tolerated(String due, MaterialState state) {
        return new ChecklistLine("x", "X", false, true, 5, state, null, LocalDate.parse(due), null, null);
    }

    @Test
    void greenThenYellowThenRed() {
        assertEquals("green", on("2026-06-02", List.of()).level());
        assertEquals(8, on("2026-06-02", List.of()).workingDaysLeft());
        assertEquals("yellow", on("2026-06-10", List.of()).level());
        assertEquals("yellow", on("2026-06-12", List.of()).level());
        Supervision late = on("2026-06-16", List.of());
        assertEquals("red", late.level());
        assertTrue(late.overdue());
        assertEquals(2, late.overdueDays());
    }

    @Test
    void anOverdueToleratedMaterialSuspendsProcessingUntilSupplied() {
        assertFalse(on("2026-06-05", List.of(tolerated("2026-06-05", MaterialState.TOLERATED))).suspended());
        Supervision overdue = on("2026-06-08", List.of(tolerated("2026-06-05", MaterialState.TOLERATED)));
        assertTrue(overdue.suspended());
        assertEquals(List.of("x"), overdue.overdueMaterials());
        assertFalse(on("2026-06-08", List.of(tolerated("2026-06-05", MaterialState.SUPPLIED))).suspended());
    }

    @Test
    void nothingRunsBeforeAcceptance() {
        assertEquals("none", Supervision.of(ApplicationStatus.CHECKING, null, null, List.of(), ACCEPTED, DAYS, 2).level());
        assertEquals("none", Supervision.of(ApplicationStatus.DELIVERED, ACCEPTED, DUE, List.of(), ACCEPTED, DAYS, 2).level());
    }
}
