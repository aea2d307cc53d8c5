package org.onewindow.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

/** Test helper: a stored decision record read back as a row the writer could insert again. */
final class StoredRows {

    /** An evaluation of 食品经营许可 (no agent, vending machines only), as the evaluate API takes it. */
    static final String EVALUATE = "{\"matters\": [\"food-business-licence\"], \"answers\": {\"agent\": false,"
            + " \"vendingMachineOnly\": true}}";

    private StoredRows() {
    }

    /** {@link #EVALUATE} decided through the API, so recorded; the reference of its record. */
    static String decided() {
        return given().contentType("application/json").body(EVALUATE).post("/api/intake/evaluate").then()
                .statusCode(200).extract().jsonPath().getString("reference");
    }

    /** How many decision records there are, rows and batched alike (the view every reader reads). */
    static long count(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM decision_record_outcome"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A row with the stored columns of the record {@code of}, to be written under {@code reference}. */
    static DecisionWriter.Row copyOf(DataSource dataSource, String of, String reference) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT r.inputs_hash, r.rule_set_version, r.catalogue_version, r.matters, r.event_code, r.window_code,
                       r.inputs::text, r.outcome_hash, r.outcome_zlib, r.rule_set_release
                FROM decision_record_outcome r WHERE r.reference = ?
                """)) {
            ps.setString(1, of);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), of);
                long release = rs.getLong(10);
                return new DecisionWriter.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7).getBytes(StandardCharsets.UTF_8), rs.getBytes(8),
                        rs.getBytes(9), reference, rs.wasNull() ? null : release, new CompletableFuture<>());
            }
        }
    }
}
