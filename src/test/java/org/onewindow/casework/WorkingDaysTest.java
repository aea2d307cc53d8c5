package org.onewindow.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.onewindow.guide.KnowledgeBaseLoader;

/** Working-day arithmetic over the shipped 2026 calendar (国办发明电 2025-11-04). */
class WorkingDaysTest {

    private static final WorkingDays DAYS = new WorkingDays(new KnowledgeBaseLoader().load(Path.of("knowledge-base"))
            .calendars());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void holidaysAreNotWorkingDaysAndAdjustedWeekendsAre() {
        assertFalse(DAYS.isWorkingDay(d("2026-02-16")), "Spring Festival Monday");
        assertFalse(DAYS.isWorkingDay(d("2026-10-05")), "National Day Monday");
        assertTrue(DAYS.isWorkingDay(d("2026-02-14")), "Saturday worked before Spring Festival");
        assertTrue(DAYS.isWorkingDay(d("2026-09-20")), "Sunday worked before National Day");
        assertFalse(DAYS.isWorkingDay(d("2026-11-28")), "an ordinary Saturday");
        assertTrue(DAYS.isWorkingDay(d("2026-11-27")), "an ordinary Friday");
    }

    @Test
    void aTimeLimitStartsTheDayAfterAndSkipsTheHolidays() {
        // accepted Thursday 2026-02-12: Fri 13, Sat 14 (worked), then the festival until Mon 23, Tue 24 ...
        assertEquals(d("2026-02-13"), DAYS.add(d("2026-02-12"), 1));
        assertEquals(d("2026-02-14"), DAYS.add(d("2026-02-12"), 2));
        assertEquals(d("2026-02-24"), DAYS.add(d("2026-02-12"), 3));
        // accepted Wednesday 2026-09-30: National Day Oct 1–7, Saturday Oct 10 worked
        assertEquals(d("2026-10-08"), DAYS.add(d("2026-09-30"), 1));
        assertEquals(d("2026-10-10"), DAYS.add(d("2026-09-30"), 3));
        assertEquals(d("2026-10-12"), DAYS.add(d("2026-09-30"), 4));
    }

    @Test
    void zeroDaysIsTheSameDayAndNegativeIsRefused() {
        assertEquals(d("2026-05-06"), DAYS.add(d("2026-05-06"), 0));
        assertThrows(IllegalArgumentException.class, () -> DAYS.add(d("2026-05-06"), -1));
    }

    @Test
    void betweenCountsWorkingDaysLeftOrOverdue() {
        assertEquals(3, DAYS.between(d("2026-02-12"), d("2026-02-24")));
        assertEquals(-3, DAYS.between(d("2026-02-24"), d("2026-02-12")));
        assertEquals(0, DAYS.between(d("2026-05-01"), d("2026-05-05")), "the whole Labour Day holiday");
        for (int n = 0; n < 40; n++) {
            assertEquals(n, DAYS.between(d("2026-09-18"), DAYS.add(d("2026-09-18"), n)), "add and between agree for " + n);
        }
    }

    @Test
    void aYearWithoutAPublishedCalendarCountsOnlyWeekendsAndSaysSo() {
        assertTrue(DAYS.covers(d("2026-03-01"), d("2026-12-31")));
        assertFalse(DAYS.covers(d("2026-12-20"), d("2027-01-10")));
        assertFalse(DAYS.isWorkingDay(d("2027-01-02")), "a Saturday");
        assertTrue(DAYS.isWorkingDay(d("2027-01-01")), "no 2027 calendar yet: New Year's Day is not known as a holiday");
    }
}
