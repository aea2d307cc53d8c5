package org.onewindow.intake;

/**
 * Unified social credit codes, GB 32100-2015: 18 characters from a 31-character alphabet (no I,
 * O, S, V, Z) with a MOD 31 check character.
 */
public final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    /** Why the code is not a valid unified social credit code, or null when it is. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "must be 18 characters";
        }
        String upper = code.toUpperCase();
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(upper.charAt(i));
            if (value < 0) {
                return "character " + (i + 1) + " '" + code.charAt(i) + "' is not allowed (GB 32100 excludes I, O, S, V, Z)";
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        if (upper.charAt(17) != ALPHABET.charAt(check)) {
            return "check character does not match (GB 32100)";
        }
        return null;
    }
}
