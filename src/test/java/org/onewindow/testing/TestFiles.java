package org.onewindow.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Copies of the shipped rules and one-place edits of them, for tests that break a file on purpose. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Copies the files (not the folders) of the shipped rules folder into {@code target}. */
    public static void copyShippedRules(Path target) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
    }

    /** Replaces the first {@code from} in the file by {@code to}; fails if the file does not contain it. */
    public static void replaceFirst(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file.getFileName() + " contains " + from);
        Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }
}
