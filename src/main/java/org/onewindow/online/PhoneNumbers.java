package org.onewindow.online;

import java.util.regex.Pattern;

import org.onewindow.intake.InvalidInputException;

/** Mainland mobile numbers (11 digits starting 13–19), the only numbers a code can be sent to. */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private PhoneNumbers() {
    }

    /** The number without spaces or dashes, or a 400 naming {@code field}. */
    public static String valid(String phone, String field) {
        String digits = phone == null ? "" : phone.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        if (!MOBILE.matcher(digits).matches()) {
            throw new InvalidInputException(field, "must be a mainland mobile number of 11 digits");
        }
        return digits;
    }

    /** 138****5678: what pages and logs show. */
    public static String masked(String phone) {
        return phone == null || phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
