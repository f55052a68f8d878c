package com.fincafacil.farm.service;

import com.fincafacil.commons.rest.Problem;
import com.fincafacil.commons.rest.ProblemException;
import com.fincafacil.farm.domain.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Checks a body's fields one by one and keeps every refusal, so a farm app learns all that is
 * wrong with a request at once (as the CSV import does) instead of one field per attempt.
 */
final class FieldChecks {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** The checked value, or null when the check refused it (the refusal is kept). */
    <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidValueException e) {
            errors.add(new Problem.FieldError(e.field(), e.code(), e.field() + " " + e.getMessage(), null));
        } catch (ProblemException e) {
            if (e.problem().status() != 400 || e.problem().errors() == null) {
                throw e;
            }
            errors.addAll(e.problem().errors());
        }
        return null;
    }

    /** Keeps a refusal found by the caller's own check. */
    void refuse(String field, String code, String message) {
        errors.add(new Problem.FieldError(field, code, message, null));
    }

    /** A 400 listing every refusal kept, if there is any. */
    void refuseIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.stream().map(Problem.FieldError::message).collect(Collectors.joining(" ")),
                    errors);
        }
    }
}
