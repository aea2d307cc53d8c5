package org.onewindow.credit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.onewindow.intake.CreditRegistry;
import org.onewindow.intake.CreditStanding;

/**
 * The dishonest-subject lists an administrator imported ({@link CreditListImport}): a subject with a
 * listing in force on the day is {@code bad}, any other {@code good}; {@code unknown} only when the
 * database cannot be read — never a guess in the applicant's favour.
 */
@ApplicationScoped
public class DatabaseCreditRegistry implements CreditRegistry {

    static final String REGISTRY = "local-list";
    private static final Logger LOG = Logger.getLogger(DatabaseCreditRegistry.class);

    @Inject
    DataSource dataSource;

    /**
     * Outside the caller's transaction (suspended): an unreachable or broken registry answers
     * {@code unknown} and must not abort the acceptance that asked.
     */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CreditStanding lookup(String subjectId, LocalDate asOf) {
        if (subjectId == null || subjectId.isBlank()) {
            return CreditStanding.unknown("anonymous", asOf);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT list_name, source, listed_from, listed_to FROM credit_listing
                WHERE subject_id = ? AND listed_from <= ? AND (listed_to IS NULL OR listed_to >= ?)
                ORDER BY listed_from LIMIT 1
                """)) {
            ps.setString(1, subjectId.strip().toUpperCase(java.util.Locale.ROOT));
            ps.setObject(2, asOf);
            ps.setObject(3, asOf);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new CreditStanding(CreditStanding.BAD, REGISTRY, rs.getString(1), rs.getString(2),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), asOf);
                }
                return new CreditStanding(CreditStanding.GOOD, REGISTRY, null, null, null, null, asOf);
            }
        } catch (SQLException e) {
            LOG.warnf("credit registry unavailable: %s", e.getMessage());
            return CreditStanding.unknown("registry-unavailable", asOf);
        }
    }
}
