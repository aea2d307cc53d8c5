package org.onewindow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The copy of a DMN file that Camunda's legacy mode can read. In that mode input expressions and
 * output entries are JUEL, which reads {@code Matter.department} or {@code "tax"} as literal text,
 * so each becomes a JUEL expression ({@code ${Matter.department}}, {@code ${"tax"}}) and FEEL's
 * {@code min([a, b])} becomes nested conditionals. Input entries (unary tests) stay as written:
 * the legacy FEEL engine reads the constructs the rules use (literals, lists, ranges,
 * comparisons, {@code not(...)}, {@code null}, {@code -}).
 */
final class LegacyDmn {

    private static final Pattern INPUT_EXPRESSION = Pattern.compile("(<inputExpression[^>]*>\\s*<text>)(.*?)(</text>)", Pattern.DOTALL);
    private static final Pattern OUTPUT_ENTRY = Pattern.compile("(<outputEntry[^>]*>\\s*<text>)(.*?)(</text>)", Pattern.DOTALL);
    private static final Pattern MIN = Pattern.compile("^min\\(\\[(.*)\\]\\)$");

    private LegacyDmn() {
    }

    static String convert(String xml) {
        return replace(replace(xml, INPUT_EXPRESSION, text -> "${" + text.trim() + "}"), OUTPUT_ENTRY,
                LegacyDmn::output);
    }

    private static String output(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return t;
        }
        Matcher min = MIN.matcher(t);
        if (min.matches()) {
            return "${" + minimum(List.of(min.group(1).split(","))) + "}";
        }
        return "${" + t + "}";
    }

    /** min(a, b, c) as JUEL conditionals: (a &lt; m ? a : m) with m the minimum of the rest. */
    private static String minimum(List<String> terms) {
        List<String> t = new ArrayList<>(terms.stream().map(String::trim).toList());
        if (t.size() == 1) {
            return "(" + t.get(0) + ")";
        }
        String first = "(" + t.get(0) + ")";
        String rest = minimum(t.subList(1, t.size()));
        return "(" + first + " &lt; " + rest + " ? " + first + " : " + rest + ")";
    }

    private static String replace(String xml, Pattern p, java.util.function.UnaryOperator<String> f) {
        Matcher m = p.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + f.apply(m.group(2)) + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
