package org.onewindow.web;

import java.util.List;

import jakarta.inject.Singleton;

import org.onewindow.intake.QualityReport;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How domain types the web layer returns look in JSON, where their accessors are not bean getters.
 * {@link QualityReport} (GET /api/rules/quality, and inside GET /api/scenarios/checks) has
 * {@code checks()}, {@code passed()}, {@code problems()}: without this mix-in Jackson found no
 * property and both endpoints answered 500 (found by AuthorizationMatrixTest).
 */
@Singleton
public class JsonShapes implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(QualityReport.class, QualityReportJson.class);
    }

    @JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            fieldVisibility = JsonAutoDetect.Visibility.NONE)
    abstract static class QualityReportJson {
        @JsonProperty("passed")
        abstract boolean passed();

        @JsonProperty("checks")
        abstract List<QualityReport.Check> checks();

        @JsonProperty("problems")
        abstract List<String> problems();
    }
}
