package org.onewindow.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

import jakarta.transaction.RollbackException;

/** Which failures are PostgreSQL being away (503, retry) and which are ours (500). */
class DatabaseOutageTest {

    @Test
    void aCommitFailingBecauseTheServerShutsDownIsAnOutage() {
        // the shape TwoNodeIT met while PostgreSQL restarted: the SQL error hangs on a suppressed XAException
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(DatabaseOutage.causedBy(new RuntimeException("Error invoking subclass method", rollback)));
    }

    @Test
    void aRefusedConnectionIsAnOutageAndAConstraintViolationIsNot() {
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException(new SQLException("Connection refused", "08001"))));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("no SQL at all")));
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertFalse(DatabaseOutage.causedBy(a));
    }
}
