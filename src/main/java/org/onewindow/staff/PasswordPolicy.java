package org.onewindow.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a staff password must be. Lengths count UTF-8 bytes, because bcrypt reads only the first
 * 72 bytes: a longer password would silently be cut, and 24 Chinese characters are already 72
 * bytes. Common passwords (and a common word with digits appended) are refused, as are passwords
 * containing the user name.
 */
public final class PasswordPolicy {

    public static final int MIN_BYTES = 12;
    public static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable for this user, or null when it is. */
    public static String problem(String username, String password) {
        if (password == null) {
            return "a password is required";
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            return "at least " + MIN_BYTES + " bytes (UTF-8; a Chinese character counts 3)";
        }
        if (bytes > MAX_BYTES) {
            return "at most " + MAX_BYTES + " bytes (UTF-8; a Chinese character counts 3): bcrypt ignores the rest";
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "must not contain control characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.chars().distinct().count() <= 2) {
            return "too simple: use more different characters";
        }
        if (isCommon(lower)) {
            return "too common: it is on the list of passwords that are guessed first";
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return "must not contain the user name";
        }
        return null;
    }

    static boolean isCommon(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        // a common word followed only by digits and punctuation (password2024!, admin123456)
        String base = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
        if (!base.isEmpty() && COMMON.contains(base)) {
            return true;
        }
        // only digits, or one keyboard row / counting run
        return lower.matches("\\d+") && isRun(lower);
    }

    /** 123456789012, 987654321098, 111111222222: digits that count up, down or repeat. */
    private static boolean isRun(String digits) {
        int up = 0;
        int down = 0;
        int same = 0;
        for (int i = 1; i < digits.length(); i++) {
            int d = digits.charAt(i) - digits.charAt(i - 1);
            up += (d == 1 || d == -9) ? 1 : 0;
            down += (d == -1 || d == 9) ? 1 : 0;
            same += d == 0 ? 1 : 0;
        }
        int n = digits.length() - 1;
        return up + same >= n - 1 || down + same >= n - 1;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/staff/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("staff/common-passwords.txt is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
