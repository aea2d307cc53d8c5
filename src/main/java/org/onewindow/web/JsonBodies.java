package org.onewindow.web;

import java.io.IOException;

import org.onewindow.intake.InvalidInputException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses request bodies ourselves, so that malformed JSON is answered with a 400 that says where
 * it broke, and numbers keep their exact decimal value for the decision tables. Bodies nested
 * deeper than {@link #MAX_DEPTH} are refused while parsing (deeper structures only ever come from
 * an attack, and would exhaust the stack of whoever walks them), and every value passes
 * {@link EdgeChecks}.
 */
final class JsonBodies {

    static final int MAX_DEPTH = 32;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(100).maxStringLength(1_000_000).build())
            .build();

    private JsonBodies() {
    }

    static JsonNode parse(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
        JsonNode json;
        try (JsonParser parser = FACTORY.createParser(body)) {
            json = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(parser);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidInputException("body", "malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("body", "unreadable JSON: " + e.getMessage());
        }
        if (json == null || json.isMissingNode()) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
        EdgeChecks.json(json, "");
        return json;
    }

    /** A body that must be a JSON object. */
    static JsonNode object(ObjectMapper mapper, String body) {
        return requireObject(parse(mapper, body));
    }

    /** A body that must be a JSON object, where no body at all means {@code {}}. */
    static JsonNode objectOrEmpty(ObjectMapper mapper, String body) {
        return body == null || body.isBlank() ? mapper.createObjectNode() : object(mapper, body);
    }

    private static JsonNode requireObject(JsonNode json) {
        if (!json.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return json;
    }
}
