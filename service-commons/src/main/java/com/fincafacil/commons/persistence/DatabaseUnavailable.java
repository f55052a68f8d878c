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

    private static SQLException connectionFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return sql;
            }
        }
        return null;
    }
}
