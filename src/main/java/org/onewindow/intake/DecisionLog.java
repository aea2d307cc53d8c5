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
                                         window_code, inputs, outcome, reference, rule_set_release)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?)
            RETURNING id
            """;
    private static final String FIND = """
            SELECT id, decided_at, inputs, outcome, reference, rule_set_version FROM decision_record WHERE reference = ?
            """;
    private static final String FIND_BY_ID = """
            SELECT id, decided_at, inputs, outcome, reference, rule_set_version FROM decision_record WHERE id = ?
            """;

    /**
     * A decision as stored: its id, when, the situation as given, the outcome with its reference, and
     * the version of the rule set that decided it (whose files are kept, see RuleSetVersionStore).
     */
    public record Recorded(long id, java.time.OffsetDateTime decidedAt, Situation situation, Outcome outcome,
            String ruleSetVersion) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Stores the decision; answers it with its record id and a fresh notice reference. */
    public Outcome record(Situation situation, Outcome outcome) {
        ObjectMapper canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        String reference = References.next(outcome.asOf());
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
            ps.setString(9, reference);
            ps.setObject(10, outcome.ruleSet().id(), java.sql.Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return outcome.recorded(rs.getLong(1), reference);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot record the decision", e);
        }
    }

    public java.util.Optional<Recorded> find(String reference) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, reference);
            return read(ps);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read decision " + reference, e);
        }
    }

    /** A recorded decision by its record id. */
    public java.util.Optional<Recorded> find(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND_BY_ID)) {
            ps.setLong(1, id);
            return read(ps);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read decision " + id, e);
        }
    }

    private java.util.Optional<Recorded> read(PreparedStatement ps) throws SQLException, java.io.IOException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return java.util.Optional.empty();
            }
            long id = rs.getLong(1);
            Outcome outcome = json.readValue(rs.getString(4), Outcome.class).recorded(id, rs.getString(5));
            return java.util.Optional.of(new Recorded(id, rs.getObject(2, java.time.OffsetDateTime.class),
                    json.readValue(rs.getString(3), Situation.class), outcome, rs.getString(6)));
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
