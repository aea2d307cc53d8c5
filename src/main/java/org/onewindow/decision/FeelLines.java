package org.onewindow.decision;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DMN compiler reports the line of the element that failed (a whole {@code <rule>}); policy
 * staff need the line of the broken cell. When the message quotes the FEEL text, find that text
 * (as it is escaped in the XML) at or after the reported line.
 */
final class FeelLines {

    private static final Pattern QUOTED_FEEL = Pattern.compile("FEEL expression '(.+?)'");

    private FeelLines() {
    }

    static int refine(byte[] file, int line, String message) {
        if (file == null || line <= 0 || message == null) {
            return line;
        }
        Matcher m = QUOTED_FEEL.matcher(message);
        if (!m.find()) {
            return line;
        }
        String needle = ">" + xmlEscape(m.group(1)) + "<";
        String[] lines = new String(file, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = line - 1; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return line;
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
