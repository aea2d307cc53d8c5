package org.onewindow.intake;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Citizen identity numbers, GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence
 * and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdNumbers() {
    }

    /** Why the number is not a valid identity number, or null when it is. */
    public static String problem(String id) {
        if (id == null || id.length() != 18) {
            return "must be 18 characters";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return "the first 17 characters must be digits";
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        char expected = CHECK[sum % 11];
        if (Character.toUpperCase(id.charAt(17)) != expected) {
            return "check digit does not match (GB 11643)";
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
            // "born in the future" judged by the latest calendar day on Earth (UTC+14), so the check
            // depends neither on the JVM's zone nor on the district's: it only refuses impossible dates
            if (birth.isAfter(LocalDate.now(java.time.ZoneOffset.ofHours(14))) || birth.getYear() < 1880) {
                return "birth date " + birth + " is not plausible";
            }
        } catch (DateTimeException e) {
            return "characters 7–14 are not a valid birth date";
        }
        return null;
    }

    /** The birth date encoded in a valid identity number. */
    public static LocalDate birthDate(String id) {
        return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
    }
}
