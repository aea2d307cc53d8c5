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

    /** Where the database says a listing changed (V72: a trigger on credit_listing notifies it). */
    static final String CHANNEL = "credit_listing_changed";

    @Inject
    DataSource dataSource;

    /** How long a cached answer may be served at most, even with no change reported (0: no cache). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "onewindow.credit.cache-ttl", defaultValue = "PT2S")
    java.time.Duration cacheTtl;

    private volatile CreditCache cache;
    private volatile Thread listener;
    private volatile boolean running = true;

    /**
     * As {@link #lookup}, from a brief cache while this node listens for changes to the lists
     * ({@link CreditCache}); the first call starts listening.
     */
    @Override
    public CreditStanding lookupRecent(String subjectId, LocalDate asOf) {
        if (subjectId == null || subjectId.isBlank()) {
            return CreditStanding.unknown("anonymous", asOf);
        }
        return cache().lookup(subjectId.strip().toUpperCase(java.util.Locale.ROOT), asOf, () -> lookup(subjectId, asOf));
    }

    @Override
    public java.util.Optional<CreditStanding> recentWithoutWaiting(String subjectId, LocalDate asOf) {
        if (subjectId == null || subjectId.isBlank()) {
            return java.util.Optional.of(CreditStanding.unknown("anonymous", asOf));
        }
        return java.util.Optional.ofNullable(cache().cached(subjectId.strip().toUpperCase(java.util.Locale.ROOT), asOf));
    }

    /** The lists changed on this node: called after an import commits, before its answer is sent. */
    public void changed() {
        CreditCache c = cache;
        if (c != null) {
            c.invalidate();
        }
    }

    /** How many changes the cache has been told of (for tests: a notification arrived). */
    public long cacheGeneration() {
        return cache().generation();
    }

    private CreditCache cache() {
        CreditCache c = cache;
        if (c == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = new CreditCache(cacheTtl.toNanos(), System::nanoTime);
                    if (!cacheTtl.isZero() && !cacheTtl.isNegative()) {
                        Thread t = new Thread(this::listen, "credit-listing-listener");
                        t.setDaemon(true);
                        t.start();
                        listener = t;
                    }
                }
                c = cache;
            }
        }
        return c;
    }

    /** LISTEN on a connection of its own; the cache answers only while it listens. */
    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                cache.live(true);
                while (running) {
                    org.postgresql.PGNotification[] notes = pg.getNotifications(5_000);
                    if (notes != null && notes.length > 0) {
                        cache.invalidate();
                    }
                    if (c.isClosed()) {
                        throw new SQLException("the listening connection closed");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("credit-listing listener reconnects: %s", e.getMessage());
            } finally {
                cache.live(false);
            }
            if (running) {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        running = false;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
        }
    }

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
