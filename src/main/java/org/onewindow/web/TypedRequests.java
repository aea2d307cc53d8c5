package org.onewindow.web;

import java.util.Comparator;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.onewindow.intake.InvalidInputException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Binds a JSON body (or a page's form values) to a typed request record and checks it with
 * Hibernate Validator; any problem is a 400 naming the field ({@code override.reason}), never a 500.
 */
@ApplicationScoped
class TypedRequests {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /** A JSON object body (none at all means {@code {}}) as the record, validated. */
    <T> T read(String body, Class<T> type) {
        return bind(JsonBodies.objectOrEmpty(mapper, body), type);
    }

    <T> T bind(JsonNode json, Class<T> type) {
        T value;
        try {
            value = mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT).readValue(json);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            throw new InvalidInputException(field, "has the wrong type: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
        return valid(value);
    }

    /** Checks a record built by a page; the first violation (by field name) is the 400. */
    <T> T valid(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            throw new InvalidInputException(v.getPropertyPath().toString(), v.getMessage());
        });
        return value;
    }
}
