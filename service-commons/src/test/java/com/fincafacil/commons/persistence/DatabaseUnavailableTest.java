package com.fincafacil.commons.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are the database being out of reach (a 503 a client may retry), wherever they are attached. */
class DatabaseUnavailableTest {

    private static SQLException shutdown() {
        return new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    }

    @Test
    void a_shutdown_wrapped_as_a_cause_is_recognised() {
        assertTrue(DatabaseUnavailable.isCause(new IllegalStateException(new RuntimeException(shutdown()))));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("connection refused", "08001")));
    }

    @Test
    void a_commit_that_failed_on_a_shutdown_is_recognised_through_its_suppressed_exceptions() {
        // what Narayana throws when the one-phase commit's connection is terminated
        RuntimeException rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction", shutdown());
        rollback.addSuppressed(xa);
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(rollback)));
    }

    @Test
    void other_database_errors_and_cycles_are_not_an_outage() {
        assertFalse(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505")));
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertFalse(DatabaseUnavailable.isCause(b));
    }
}
