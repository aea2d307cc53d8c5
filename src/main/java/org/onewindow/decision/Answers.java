package org.onewindow.decision;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The convention that ties decision tables to the question bank: a table reads an applicant's
 * answer as {@code Answers.<questionId>} (input data {@code Answers}, FEEL type Any).
 */
public final class Answers {

    public static final String INPUT = "Answers";
    private static final Pattern REFERENCE = Pattern.compile("\\bAnswers\\.([A-Za-z_][A-Za-z0-9_]*)");

    private Answers() {
    }

    public static Set<String> referencedIn(Collection<String> feelTexts) {
        Set<String> ids = new TreeSet<>();
        for (String text : feelTexts) {
            if (text == null) {
                continue;
            }
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }
}
