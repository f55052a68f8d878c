package com.fincafacil.commons.refusal;

import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a request's fields and keeps every problem, so a client learns all that is wrong with a
 * request in one answer instead of one field per attempt. It starts from the Bean Validation
 * constraints the request's record declares (required, lengths, ranges), then takes the use
 * case's own checks (formats of value objects, dates against the animal's). One problem per
 * field: the first found stands, so a missing value is not also reported as badly formed.
 */
public final class FieldChecks {

    private final List<Refusal.Reason> reasons = new ArrayList<>();
    private final Set<String> refusedFields = new HashSet<>();

    private FieldChecks() {
    }

    /** Checks that start with nothing found. */
    public static FieldChecks start() {
        return new FieldChecks();
    }

    /**
     * Checks that start with the constraints {@code request} breaks, in the given validation
     * groups (none: the default group). Fields are named by their path in the request
     * ({@code calf.earTag}).
     */
    public static FieldChecks of(Validator validator, Object request, Class<?>... groups) {
        FieldChecks checks = new FieldChecks();
        validator.validate(request, groups).stream()
                .map(v -> Violations.reason(v, v.getPropertyPath().toString(), false))
                .sorted(Comparator.comparing(Refusal.Reason::field))
                .forEach(checks::add);
        return checks;
    }

    /** Whether no problem was found so far: a use case's own refusal can then go out as it is. */
    public boolean passed() {
        return reasons.isEmpty();
    }

    /** Whether a problem was already found for {@code field}: its further checks can be skipped. */
    public boolean refused(String field) {
        return refusedFields.contains(field);
    }

    /**
     * The checked value, or null when the check refused it (the refusal is kept) or did not run:
     * a check that reads {@code needs} is skipped once one of them was refused, so a missing value
     * is not also reported as badly formed.
     */
    public <T> T check(Supplier<T> check, String... needs) {
        for (String field : needs) {
            if (refused(field)) {
                return null;
            }
        }
        try {
            return check.get();
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            e.reasons().forEach(this::add);
        }
        return null;
    }

    /** Keeps a problem found by the caller's own check; {@code facts} in name-value pairs. */
    public void refuse(String field, String code, Object... facts) {
        add(new Refusal.Reason(field, code, Refusal.facts(facts)));
    }

    /** A refusal listing every problem kept, if there is any. */
    public void refuseIfAny() {
        if (!reasons.isEmpty()) {
            throw Refusal.invalid(reasons);
        }
    }

    private void add(Refusal.Reason reason) {
        if (reason.field() == null || refusedFields.add(reason.field())) {
            reasons.add(reason);
        }
    }
}
