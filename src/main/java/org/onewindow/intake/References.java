package org.onewindow.intake;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The reference number printed on a one-time notice and in its QR code, e.g.
 * {@code OW-20261127-K7Q2M9XD}: the decision date and eight random characters (Crockford base32,
 * no I/L/O/U to misread). Random, not a counter, because whoever holds a reference can see the
 * notice — it must not be guessable from a neighbour's.
 */
public final class References {

    /** Crockford base32: the characters after the day, also those of {@link ReferenceCipher}. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** How many characters follow the day. */
    static final int CHARACTERS = 8;
    private static final Pattern FORMAT = Pattern.compile("OW-\\d{8}-[0-9A-HJKMNP-TV-Z]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    public static String next(LocalDate day) {
        return drawn(new StringBuilder("OW-").append(day.format(DateTimeFormatter.BASIC_ISO_DATE)).append('-'));
    }

    /** A new reference for the same day as {@code reference} (which was taken already). */
    static String another(String reference) {
        return drawn(new StringBuilder(day(reference)));
    }

    /** {@code OW-yyyyMMdd-}: what comes before the characters. */
    static String day(String reference) {
        return reference.substring(0, reference.length() - CHARACTERS);
    }

    /** The characters after the day. */
    static String characters(String reference) {
        return reference.substring(reference.length() - CHARACTERS);
    }

    private static String drawn(StringBuilder ref) {
        for (int i = 0; i < CHARACTERS; i++) {
            ref.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return ref.toString();
    }

    /** The reference as typed or scanned, normalised; refused when it cannot be one. */
    public static String parse(String text) {
        String ref = text == null ? "" : text.trim().toUpperCase();
        if (!FORMAT.matcher(ref).matches()) {
            throw new InvalidInputException("reference", "must look like OW-20261127-K7Q2M9XD");
        }
        return ref;
    }
}
