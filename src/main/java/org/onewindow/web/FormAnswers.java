package org.onewindow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Question;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answers carried in HTML forms and links as {@code a.<question>=value}, turned into an intake
 * request typed by each question's answer type (the situation reader then validates them).
 */
final class FormAnswers {

    static final String PREFIX = "a.";

    private FormAnswers() {
    }

    /** The non-empty {@code a.<id>} parameters, in their order. */
    static Map<String, String> answers(MultivaluedMap<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(PREFIX) && !values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
                answers.put(name.substring(PREFIX.length()), values.get(0).strip());
            }
        });
        return answers;
    }

    /** {matters: [matter]} or {event}, with the typed answers. */
    static ObjectNode body(String matter, String event, Map<String, String> answers, Catalogue catalogue) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (event != null) {
            body.put("event", event);
        } else {
            body.putArray("matters").add(matter == null ? "" : matter);
        }
        body.set("answers", typed(answers, catalogue));
        return body;
    }

    static ObjectNode typed(Map<String, String> answers, Catalogue catalogue) {
        ObjectNode typed = JsonNodeFactory.instance.objectNode();
        answers.forEach((id, value) -> {
            Question q = catalogue.question(id).orElse(null);
            if (q == null) {
                typed.put(id, value); // the situation reader names the unknown question
                return;
            }
            switch (q.type()) {
                case BOOLEAN -> typed.put(id, "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null);
                case NUMBER -> {
                    try {
                        typed.put(id, new java.math.BigDecimal(value));
                    } catch (NumberFormatException e) {
                        typed.put(id, value);
                    }
                }
                default -> typed.put(id, value);
            }
        });
        return typed;
    }
}
