package org.onewindow.guide;

import java.time.LocalDate;
import java.util.List;

/**
 * One year's official working-day calendar: public holidays (放假) and the weekend days worked
 * instead (调休上班), as the State Council publishes them each November. Guides count their time
 * limits in working days, so deadlines depend on it.
 */
public record HolidayCalendar(Integer year, String source, List<Holiday> holidays, List<LocalDate> workdays) implements java.io.Serializable {

    public HolidayCalendar {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        workdays = workdays == null ? List.of() : List.copyOf(workdays);
    }

    /** A holiday period, both ends included. */
    public record Holiday(LocalDate from, LocalDate to, String name) implements java.io.Serializable {
    }
}
