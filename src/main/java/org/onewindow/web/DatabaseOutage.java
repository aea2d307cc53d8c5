package org.onewindow.web;

import java.sql.SQLException;

/**
 * Tells a failure caused by PostgreSQL being unreachable (restarting, failing over, the network)
 * from a fault of ours: SQLSTATE class 08 (connection exception), 57P01–57P03 (the server shutting
 * down or not yet accepting connections), or the pool finding no connection in time.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        return reason(failure) != null;
    }

    static String reason(Throwable failure) {
        return reason(failure, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /**
     * Causes and suppressed exceptions both: a commit that fails because the server went away
     * arrives as a JTA RollbackException whose SQL cause is attached to a suppressed XAException.
     */
    private static String reason(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return state + " " + sql.getMessage();
            }
            String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("acquisition timeout") || message.contains("connection refused")
                    || message.contains("this connection has been closed")) {
                return sql.getMessage();
            }
        }
        String found = reason(t.getCause(), seen);
        for (Throwable suppressed : t.getSuppressed()) {
            if (found == null) {
                found = reason(suppressed, seen);
            }
        }
        return found;
    }
}
