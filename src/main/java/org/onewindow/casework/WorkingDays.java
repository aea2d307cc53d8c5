package org.onewindow.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.onewindow.guide.HolidayCalendar;

/**
 * Working-day arithmetic over the official calendars: Monday to Friday, minus public holidays,
 * plus the weekend days worked instead. For a year with no published calendar only weekends are
 * skipped, and {@link #covers} says so, so that a deadline computed that way is shown as estimated.
 */
public final class WorkingDays {

    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();
    private final Set<Integer> years = new HashSet<>();

    public WorkingDays(List<HolidayCalendar> calendars) {
        for (HolidayCalendar calendar : calendars) {
            years.add(calendar.year());
            calendar.holidays().forEach(h -> h.from().datesUntil(h.to().plusDays(1)).forEach(holidays::add));
            workdays.addAll(calendar.workdays());
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        if (workdays.contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The day on which a time limit of {@code days} working days, counted from the day after
     * {@code start}, runs out (行政许可法 第八十二条: the start day is not counted). Zero days: the
     * start day itself (即办件).
     */
    public LocalDate add(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = start;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when {@code to}
     * is before {@code from}: how many working days are left until a deadline, or how many it is past.
     */
    public int between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -between(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** Whether every day from {@code from} to {@code to} lies in a year with a published calendar. */
    public boolean covers(LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!years.contains(year)) {
                return false;
            }
        }
        return true;
    }
}
