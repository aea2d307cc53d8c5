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

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("OW-\\d{8}-[0-9A-HJKMNP-TV-Z]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    public static String next(LocalDate day) {
        return drawn(new StringBuilder("OW-").append(day.format(DateTimeFormatter.BASIC_ISO_DATE)).append('-'));
    }

    /** A new reference for the same day as {@code reference} (which was taken already). */
    static String another(String reference) {
        return drawn(new StringBuilder(reference.substring(0, reference.length() - 8)));
    }

    private static String drawn(StringBuilder ref) {
        for (int i = 0; i < 8; i++) {
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
