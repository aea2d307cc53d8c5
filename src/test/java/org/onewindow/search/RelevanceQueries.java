package org.onewindow.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The relevance test set: citizen queries written the way people ask, each with the matters or
 * life events that are a right answer (any of them in the top 5 counts).
 */
public final class RelevanceQueries {

    public static final Path FILE = Path.of("src/test/resources/search/relevance.yaml");
    public static final Path ENGLISH = Path.of("src/test/resources/search/relevance-en.yaml");

    /** A query, the codes that answer it, and what kind of query it is (colloquial, typo …). */
    public record Case(String query, List<String> expect, String kind) {
    }

    private RelevanceQueries() {
    }

    public static List<Case> load() {
        return load(FILE);
    }

    public static List<Case> load(Path file) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            return List.of(yaml.readValue(file.toFile(), Case[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
