package com.fincafacil.commons.persistence;

import java.sql.SQLException;

/**
 * Recognises a failure that says the database is out of reach (restarting, shut down, refusing
 * connections), however deeply it is wrapped: SQLSTATE class 08 (connection exception) and
 * 57P01–57P03 (admin or crash shutdown, cannot connect now). Such a request was not
 * acknowledged, so it is answered 503 and may be retried (a write with its Idempotency-Key).
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable e) {
        return connectionFailure(e) != null;
    }

    /** The driver's own words for the log (no stack trace: it is an outage, not a bug). */
    public static String reason(Throwable e) {
        SQLException failure = connectionFailure(e);
        return failure == null ? "" : failure.getSQLState() + " " + failure.getMessage();
    }

    /**
     * Looks through causes and suppressed exceptions: a commit that fails while the database shuts
     * down reaches the caller as the transaction manager's exception with the driver's error
     * attached as suppressed (Narayana), not as its cause.
     */
    private static SQLException connectionFailure(Throwable e) {
        return connectionFailure(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static SQLException connectionFailure(Throwable e, java.util.Set<Throwable> seen) {
        for (Throwable cause = e; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return sql;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                SQLException found = connectionFailure(suppressed, seen);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
