package org.onewindow.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Copies of the shipped rules and one-place edits of them, for tests that break a file on purpose. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Copies the rule files of the shipped rules folder, sub-folders included, into {@code target}. */
    public static void copyShippedRules(Path target) throws IOException {
        org.onewindow.decision.RuleFiles.write(org.onewindow.decision.RuleFiles.read(Path.of("rules")), target);
    }

    /** Copies a folder tree (a knowledge base) into {@code target}. */
    public static void copyTree(Path source, Path target) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
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
