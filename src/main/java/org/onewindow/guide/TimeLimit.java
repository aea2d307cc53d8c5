package org.onewindow.guide;

/**
 * Time limits in working days. Where the law sets the limit in calendar days (《建筑法》第八条: seven
 * days), {@code statutoryCalendarDays} keeps the law's figure and {@code statutory} holds the working
 * days that are certain to fit inside it — never the calendar figure counted as working days.
 */
public record TimeLimit(Integer statutory, Integer promised, String note, Integer statutoryCalendarDays) {

    /** The most working days that any run of {@code calendarDays} consecutive days can be trusted to hold. */
    public static int workingDaysWithin(int calendarDays) {
        return calendarDays / 7 * 5 + Math.min(calendarDays % 7, 5);
    }
}
