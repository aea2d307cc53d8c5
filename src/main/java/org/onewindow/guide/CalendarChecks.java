package org.onewindow.guide;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the working-day calendars: one file per year, dates inside it, no day both off and worked. */
final class CalendarChecks {

    private CalendarChecks() {
    }

    static List<KbProblem> check(List<KnowledgeBaseLoader.Sourced<HolidayCalendar>> calendars) {
        List<KbProblem> problems = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        for (KnowledgeBaseLoader.Sourced<HolidayCalendar> sourced : calendars) {
            String file = sourced.file();
            HolidayCalendar calendar = sourced.value();
            if (calendar.year() == null) {
                problems.add(new KbProblem(file, "year", 0, "is required"));
                continue;
            }
            int year = calendar.year();
            if (!years.add(year)) {
                problems.add(new KbProblem(file, "year", 0, "a calendar for " + year + " is already defined"));
            }
            Set<LocalDate> off = new HashSet<>();
            for (int i = 0; i < calendar.holidays().size(); i++) {
                HolidayCalendar.Holiday h = calendar.holidays().get(i);
                String field = "holidays[" + i + "]";
                if (h.from() == null || h.to() == null) {
                    problems.add(new KbProblem(file, field, 0, "needs both from and to"));
                } else if (h.to().isBefore(h.from())) {
                    problems.add(new KbProblem(file, field, 0, "ends before it starts"));
                } else if (h.from().getYear() != year || h.to().getYear() != year) {
                    problems.add(new KbProblem(file, field, 0, "is not in " + year));
                } else {
                    h.from().datesUntil(h.to().plusDays(1)).forEach(off::add);
                }
            }
            for (int i = 0; i < calendar.workdays().size(); i++) {
                LocalDate day = calendar.workdays().get(i);
                String field = "workdays[" + i + "]";
                if (day == null || day.getYear() != year) {
                    problems.add(new KbProblem(file, field, 0, "is not a date in " + year));
                } else if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    problems.add(new KbProblem(file, field, 0, day + " is a weekday already; list only weekend days worked"));
                } else if (off.contains(day)) {
                    problems.add(new KbProblem(file, field, 0, day + " is also listed as a holiday"));
                }
            }
        }
        return problems;
    }
}
