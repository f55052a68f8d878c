package com.fincafacil.commons.persistence;

import org.hibernate.exception.ConstraintViolationException;

/** Recognises a write that lost a race against a unique constraint, however deeply it is wrapped. */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    public static boolean isCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && UNIQUE_VIOLATION.equals(violation.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
