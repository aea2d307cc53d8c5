package org.onewindow.intake;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * Test helper: a database slower than the decisions. Holds {@code decision_batch} in EXCLUSIVE mode
 * — the group commit's insert waits, reads do not — until {@link #release()} or {@link #close()}.
 */
final class DecisionBatchLock implements AutoCloseable {

    private final DataSource dataSource;
    private final Connection holding;

    private DecisionBatchLock(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        this.holding = dataSource.getConnection();
        holding.setAutoCommit(false);
        try (Statement s = holding.createStatement()) {
            s.execute("LOCK TABLE decision_batch IN EXCLUSIVE MODE");
        }
    }

    static DecisionBatchLock take(DataSource dataSource) throws SQLException {
        return new DecisionBatchLock(dataSource);
    }

    /** Returns once a commit is waiting for the lock (PostgreSQL says so), i.e. the writer took a batch. */
    void awaitCommitWaiting() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query ILIKE '%decision_batch%'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > until) {
                    throw new AssertionError("no commit reached the locked decision_batch");
                }
                Thread.sleep(20);
            }
        }
    }

    /** The database catches up: the waiting commit goes on. */
    void release() throws SQLException {
        holding.rollback();
    }

    @Override
    public void close() throws SQLException {
        holding.close();
    }
}
