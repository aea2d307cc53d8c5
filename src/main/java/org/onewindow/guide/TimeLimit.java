package org.onewindow.guide;

/**
 * 法定办结时限 and 承诺办结时限 in working days (0 = 即办件, settled on the spot). The promised limit
 * is what supervision (电子监察) and tolerance deadlines are measured against. Where the law sets
 * the limit in calendar days (《建筑法》第八条: seven days), {@code statutoryCalendarDays} keeps the
 * law's figure and {@code statutory} holds the working days that are certain to fit inside it —
 * never the calendar figure counted as working days.
 * {@code deliverBeforeSupply}: the matter's rules let the result be handed over while a tolerated
 * (容缺) material is still outstanding; by default (absent or false) the material comes first.
 */
public record TimeLimit(Integer statutory, Integer promised, String note, Integer statutoryCalendarDays,
        Boolean deliverBeforeSupply) implements java.io.Serializable {

    public boolean deliveryBeforeSupply() {
        return Boolean.TRUE.equals(deliverBeforeSupply);
    }

    /** The most working days that any run of {@code calendarDays} consecutive days can be trusted to hold. */
    public static int workingDaysWithin(int calendarDays) {
        return calendarDays / 7 * 5 + Math.min(calendarDays % 7, 5);
    }
}
