package org.onewindow.web;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

import org.onewindow.intake.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ranges checked at the edge, before any service sees a value: text without control characters
 * (PostgreSQL refuses a NUL byte, and no form or name needs one) and of bounded length, numbers a
 * decision table and a {@code numeric} column can hold, whole-number parameters that are numbers.
 * A value out of range is a 400 naming the field, never a 500 from deep inside.
 */
final class EdgeChecks {

    /** Longest string accepted anywhere in a JSON body. */
    static final int MAX_JSON_STRING = 10_000;
    /** Longest value of an HTML form field. */
    static final int MAX_FORM_FIELD = 10_000;
    /** Digits a number may have before and after the decimal point (PostgreSQL numeric holds far more; FEEL uses DECIMAL128). */
    static final int MAX_DIGITS = 30;

    private EdgeChecks() {
    }

    /** Why a text value is refused, or null. */
    static String textProblem(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            return "at most " + maxLength + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return "must not contain control characters (found U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(++i)))) {
                return "must be valid Unicode text";
            }
        }
        return null;
    }

    /** Why a number is refused, or null. */
    static String numberProblem(BigDecimal number) {
        int integerDigits = number.precision() - number.scale();
        if (integerDigits > MAX_DIGITS || number.scale() > MAX_DIGITS) {
            return "number out of range: at most " + MAX_DIGITS + " digits before and after the decimal point";
        }
        return null;
    }

    /** Checks every string, field name and number of a parsed body; the error names the path. */
    static void json(JsonNode node, String path) {
        if (node.isTextual()) {
            refuse(path, textProblem(node.textValue(), MAX_JSON_STRING));
        } else if (node.isNumber()) {
            refuse(path, numberProblem(node.decimalValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                json(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                refuse(name, textProblem(field.getKey(), 200));
                json(field.getValue(), name);
            }
        }
    }

    /** A whole-number query parameter: absent is the default; anything but a number in range is a 400. */
    static int wholeNumber(String raw, String field, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static void refuse(String field, String problem) {
        if (problem != null) {
            throw new InvalidInputException(field.isEmpty() ? "body" : field, problem);
        }
    }
}
