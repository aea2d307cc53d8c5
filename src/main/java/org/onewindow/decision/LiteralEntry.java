package org.onewindow.decision;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One decision-table input entry compiled once into a plain predicate, for the entries policy
 * tables are made of: {@code -}, {@code null}, {@code true}/{@code false}, string literals and
 * lists of them, {@code not(…)} of those, and number comparisons and ranges ({@code < 16},
 * {@code [1..16)}). {@link #parse} returns null for anything else: such a table is left to the
 * engine.
 * <p>
 * {@link #test} answers {@link Boolean#TRUE}/{@link Boolean#FALSE}, or null when the value is of
 * a kind the entry does not compare (a number against a string literal, say): the engine decides
 * that case, with whatever it reports.
 */
abstract sealed class LiteralEntry {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>|=)\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern RANGE = Pattern.compile("([\\[(\\]])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\])\\[])");

    /** Matches, does not match, or null: not a value this entry compares. */
    abstract Boolean test(Object value);

    /** The entry compiled, or null if it is not one of the simple shapes. */
    static LiteralEntry parse(String entry) {
        String text = entry == null ? "-" : entry.trim();
        if (text.isEmpty() || text.equals("-")) {
            return Any.INSTANCE;
        }
        if (text.startsWith("not(") && text.endsWith(")")) {
            OneOf inner = oneOf(text.substring(4, text.length() - 1));
            return inner == null ? null : new Not(inner);
        }
        return oneOf(text);
    }

    private static OneOf oneOf(String text) {
        List<String> parts = split(text);
        if (parts == null || parts.isEmpty()) {
            return null;
        }
        List<Simple> tests = new ArrayList<>();
        for (String part : parts) {
            Simple simple = simple(part.trim());
            if (simple == null) {
                return null;
            }
            tests.add(simple);
        }
        return new OneOf(List.copyOf(tests));
    }

    private static Simple simple(String p) {
        if (p.equals("null")) {
            return new IsNull();
        }
        if (p.equals("true") || p.equals("false")) {
            return new BooleanIs(Boolean.parseBoolean(p));
        }
        if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
            String inner = p.substring(1, p.length() - 1);
            return inner.contains("\"") || inner.contains("\\") ? null : new StringIs(inner);
        }
        if (NUMBER.matcher(p).matches()) {
            return new Compare("=", new BigDecimal(p));
        }
        Matcher c = COMPARISON.matcher(p);
        if (c.matches()) {
            return new Compare(c.group(1), new BigDecimal(c.group(2)));
        }
        Matcher r = RANGE.matcher(p);
        if (r.matches()) {
            return new Range(r.group(1).equals("["), new BigDecimal(r.group(2)), new BigDecimal(r.group(3)),
                    r.group(4).equals("]"));
        }
        return null;
    }

    /** Splits on the commas outside string literals; null if a literal is not closed. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char ch : text.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (quoted) {
            return null;
        }
        parts.add(current.toString());
        return parts;
    }

    /** A number as FEEL sees it (integral Java numbers only: floating point is left to the engine). */
    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return null;
    }

    /** {@code -}: any value. */
    static final class Any extends LiteralEntry {
        static final Any INSTANCE = new Any();

        @Override
        Boolean test(Object value) {
            return Boolean.TRUE;
        }
    }

    /** A comma-separated list: matches when one of its tests does. */
    static final class OneOf extends LiteralEntry {
        private final List<Simple> tests;
        private final Set<String> strings;

        OneOf(List<Simple> tests) {
            this.tests = tests;
            boolean allStrings = tests.stream().allMatch(t -> t instanceof StringIs);
            this.strings = allStrings ? Set.copyOf(tests.stream().map(t -> ((StringIs) t).literal).toList()) : null;
        }

        @Override
        Boolean test(Object value) {
            if (strings != null && value instanceof String s) {
                return strings.contains(s); // the common case: one hash lookup
            }
            boolean any = false;
            for (Simple t : tests) {
                Boolean r = t.test(value);
                if (r == null) {
                    return null;
                }
                any |= r;
            }
            return any;
        }
    }

    /** {@code not(…)}: the negation of a list. */
    static final class Not extends LiteralEntry {
        private final OneOf inner;

        Not(OneOf inner) {
            this.inner = inner;
        }

        @Override
        Boolean test(Object value) {
            Boolean r = inner.test(value);
            return r == null ? null : !r;
        }
    }

    abstract static sealed class Simple extends LiteralEntry {
    }

    static final class IsNull extends Simple {
        @Override
        Boolean test(Object value) {
            return value == null;
        }
    }

    static final class BooleanIs extends Simple {
        private final boolean expected;

        BooleanIs(boolean expected) {
            this.expected = expected;
        }

        @Override
        Boolean test(Object value) {
            if (value == null) {
                return Boolean.FALSE;
            }
            return value instanceof Boolean b ? b == expected : null;
        }
    }

    static final class StringIs extends Simple {
        private final String literal;

        StringIs(String literal) {
            this.literal = literal;
        }

        @Override
        Boolean test(Object value) {
            if (value == null) {
                return Boolean.FALSE;
            }
            return value instanceof String s ? s.equals(literal) : null;
        }
    }

    /**
     * A test on numbers: false for null, declined (null) for anything FEEL would not compare as a
     * number, otherwise {@link #test(BigDecimal)}.
     */
    abstract static sealed class Numeric extends Simple {
        @Override
        final Boolean test(Object value) {
            if (value == null) {
                return Boolean.FALSE;
            }
            BigDecimal n = number(value);
            return n == null ? null : test(n);
        }

        abstract boolean test(BigDecimal n);
    }

    static final class Compare extends Numeric {
        private final String op;
        private final BigDecimal bound;

        Compare(String op, BigDecimal bound) {
            this.op = op;
            this.bound = bound;
        }

        @Override
        boolean test(BigDecimal n) {
            int c = n.compareTo(bound);
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> c == 0;
            };
        }
    }

    static final class Range extends Numeric {
        private final boolean lowClosed;
        private final BigDecimal low;
        private final BigDecimal high;
        private final boolean highClosed;

        Range(boolean lowClosed, BigDecimal low, BigDecimal high, boolean highClosed) {
            this.lowClosed = lowClosed;
            this.low = low;
            this.high = high;
            this.highClosed = highClosed;
        }

        @Override
        boolean test(BigDecimal n) {
            int lo = n.compareTo(low);
            int hi = n.compareTo(high);
            return (lowClosed ? lo >= 0 : lo > 0) && (highClosed ? hi <= 0 : hi < 0);
        }
    }
}
