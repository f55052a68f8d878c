package com.fincafacil.farm.service;

import com.fincafacil.commons.rest.Problem;
import com.fincafacil.commons.rest.ProblemException;
import com.fincafacil.farm.domain.Decision;
import com.fincafacil.farm.domain.InvalidValueException;

import java.util.function.Supplier;

/** Turns domain refusals and invalid values into the problems a farm app receives. */
final class Refusals {

    private Refusals() {
    }

    static void check(Decision decision) {
        if (decision instanceof Decision.Refused refused) {
            int status = refused.kind() == Decision.Kind.STATE_CONFLICT ? 409 : 422;
            throw new ProblemException(new Problem("https://fincafacil.co/problems/" + refused.code().toLowerCase(java.util.Locale.ROOT),
                    status == 409 ? "Conflict with the animal's state" : "Request cannot be applied",
                    status, refused.reason(), null, null));
        }
    }

    /** Runs a value-object factory, answering 400 naming the field when the value is invalid. */
    static <T> T valid(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InvalidValueException e) {
            throw ProblemException.badField(e.field(), e.code(), e.field() + " " + e.getMessage());
        }
    }

    static <T> T required(String field, T value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ProblemException.badField(field, InvalidValueException.REQUIRED, field + " is required.");
        }
        return value;
    }
}
