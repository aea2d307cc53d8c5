package org.onewindow.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Records every intake decision in PostgreSQL: a hash of the situation, the rule-set and
 * knowledge-base versions, the situation itself and the outcome — enough to audit, years later,
 * why someone was told to bring a paper.
 */
@ApplicationScoped
public class DecisionLog {

    private static final String INSERT = """
            INSERT INTO decision_record (inputs_hash, rule_set_version, catalogue_version, matters, event_code,
                                         window_code, inputs, outcome)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
            RETURNING id
            """;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    public long record(Situation situation, Outcome outcome) {
        ObjectMapper canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            String inputs = canonical.writeValueAsString(situation);
            ps.setString(1, sha256(inputs));
            ps.setString(2, outcome.ruleSet().version());
            ps.setString(3, outcome.catalogueVersion());
            ps.setString(4, String.join(",", outcome.matters().stream().map(MatterSummary::code).toList()));
            ps.setString(5, outcome.event());
            ps.setString(6, outcome.window() == null ? null : outcome.window().code());
            ps.setString(7, inputs);
            ps.setString(8, json.writeValueAsString(outcome));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot record the decision", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
