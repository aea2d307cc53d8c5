package org.onewindow.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Question;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns an intake request body into a {@link Situation}, or refuses it with the exact field at
 * fault. Reading the raw JSON (rather than binding it) is what lets every error name its field.
 */
public final class SituationReader {

    private static final Set<String> FIELDS = Set.of("matters", "event", "answers", "applicant", "asOf");
    private static final Set<String> APPLICANT_FIELDS = Set.of("type", "id", "creditStatus", "name");
    private static final Set<String> CREDIT = Set.of("good", "bad", "unknown");
    private static final int MAX_MATTERS = 30;
    private static final int MAX_DIGITS = 30;
    /** Dates a government service can be about; LocalDate takes "+10000-01-01", which nothing downstream can print. */
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2199;

    private final Catalogue catalogue;

    public SituationReader(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Situation read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        rejectUnknown(body, FIELDS, "");
        boolean hasMatters = body.hasNonNull("matters");
        boolean hasEvent = body.hasNonNull("event");
        if (hasMatters == hasEvent) {
            throw new InvalidInputException(hasMatters ? "event" : "matters",
                    "give either \"matters\" (a list of matter codes) or \"event\" (a life-event code), not both or neither");
        }
        List<String> matters = hasMatters ? matters(body.get("matters")) : List.of();
        String event = hasEvent ? event(body.get("event")) : null;
        return new Situation(matters, event, answers(body.get("answers")), applicant(body.get("applicant")),
                asOf(body.get("asOf")));
    }

    private List<String> matters(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidInputException("matters", "must be a non-empty list of matter codes");
        }
        if (node.size() > MAX_MATTERS) {
            throw new InvalidInputException("matters", "at most " + MAX_MATTERS + " matters per intake");
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String field = "matters[" + i + "]";
            if (!item.isTextual()) {
                throw new InvalidInputException(field, "must be a matter code (string)");
            }
            String code = item.asText();
            if (catalogue.matter(code).isEmpty()) {
                throw new InvalidInputException(field, "unknown matter code '" + code + "'");
            }
            if (!catalogue.matter(code).get().fullGuide()) {
                // no checked material list: deciding one would invent it (办事指南以窗口告知为准)
                throw new InvalidInputException(field, "matter '" + code + "' has no service guide in this "
                        + "district yet; its materials are told at its window (办事指南以窗口告知为准)");
            }
            if (codes.contains(code)) {
                throw new InvalidInputException(field, "matter '" + code + "' is listed twice");
            }
            codes.add(code);
        }
        return codes;
    }

    private String event(JsonNode node) {
        if (!node.isTextual()) {
            throw new InvalidInputException("event", "must be a life-event code (string)");
        }
        if (catalogue.event(node.asText()).isEmpty()) {
            throw new InvalidInputException("event", "unknown life-event code '" + node.asText() + "'");
        }
        return node.asText();
    }

    private Map<String, Object> answers(JsonNode node) {
        Map<String, Object> answers = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return answers;
        }
        if (!node.isObject()) {
            throw new InvalidInputException("answers", "must be an object of questionId: answer");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String field = "answers." + entry.getKey();
            Question question = catalogue.question(entry.getKey())
                    .orElseThrow(() -> new InvalidInputException(field, "unknown question id"));
            if (!entry.getValue().isNull()) {
                answers.put(entry.getKey(), answer(question, entry.getValue(), field));
            }
        }
        return answers;
    }

    /** The typed value the decision tables compare against. */
    static Object answer(Question question, JsonNode value, String field) {
        switch (question.type()) {
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw new InvalidInputException(field, "must be true or false");
                }
                return value.booleanValue();
            }
            case NUMBER -> {
                if (!value.isNumber()) {
                    throw new InvalidInputException(field, "must be a number" + unit(question));
                }
                BigDecimal number = value.decimalValue();
                if (number.signum() < 0) {
                    throw new InvalidInputException(field, "must not be negative");
                }
                // a decision is stored as JSONB and compared in DECIMAL128: 1e999999999 fits neither
                if (number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS) {
                    throw new InvalidInputException(field, "number out of range: at most " + MAX_DIGITS
                            + " digits before and after the decimal point");
                }
                return number;
            }
            case CHOICE -> {
                if (!value.isTextual() || !question.allows(value.asText())) {
                    throw new InvalidInputException(field, "must be one of " + question.options().stream()
                            .map(o -> o.value()).toList());
                }
                return value.asText();
            }
            case DATE -> {
                return date(value, field);
            }
            default -> throw new IllegalStateException("unhandled answer type " + question.type());
        }
    }

    private static String unit(Question q) {
        return q.unit() == null ? "" : " (" + q.unit() + ")";
    }

    private Applicant applicant(JsonNode node) {
        if (node == null || node.isNull()) {
            return Applicant.ANONYMOUS;
        }
        if (!node.isObject()) {
            throw new InvalidInputException("applicant", "must be an object {type, id, creditStatus}");
        }
        rejectUnknown(node, APPLICANT_FIELDS, "applicant.");
        String type = text(node, "type", "applicant.type", "person");
        if (!type.equals("person") && !type.equals("enterprise")) {
            throw new InvalidInputException("applicant.type", "must be \"person\" or \"enterprise\"");
        }
        String id = text(node, "id", "applicant.id", null);
        if (id != null) {
            String problem = type.equals("person") ? IdNumbers.problem(id) : CreditCodes.problem(id);
            if (problem != null) {
                throw new InvalidInputException("applicant.id", (type.equals("person")
                        ? "not a valid identity number: " : "not a valid unified social credit code: ") + problem);
            }
            id = id.toUpperCase();
        }
        String credit = text(node, "creditStatus", "applicant.creditStatus", "unknown");
        if (!CREDIT.contains(credit)) {
            throw new InvalidInputException("applicant.creditStatus", "must be one of " + CREDIT);
        }
        return new Applicant(type, id, credit);
    }

    private static String text(JsonNode parent, String name, String field, String fallback) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return node.asText();
    }

    private static LocalDate asOf(JsonNode node) {
        return node == null || node.isNull() ? null : date(node, "asOf");
    }

    private static LocalDate date(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "must be a date \"YYYY-MM-DD\"");
        }
        if (!node.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new InvalidInputException(field, "must be a date \"YYYY-MM-DD\"");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date \"YYYY-MM-DD\"");
        }
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw new InvalidInputException(field, "must be a date between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return date;
    }

    private static void rejectUnknown(JsonNode node, Set<String> allowed, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw new InvalidInputException(prefix + name, "unknown field (allowed: " + allowed + ")");
            }
        });
    }
}
