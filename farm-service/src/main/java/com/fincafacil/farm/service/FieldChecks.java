package com.fincafacil.farm.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.domain.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a body's fields one by one and keeps every refusal, so a farm app learns all that is
 * wrong with a request at once (as the CSV import does) instead of one field per attempt.
 */
final class FieldChecks {

    private final List<Refusal.Reason> reasons = new ArrayList<>();

    /** The checked value, or null when the check refused it (the refusal is kept). */
    <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidValueException e) {
            reasons.addAll(Refusals.invalid(e.field(), e).reasons());
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.INVALID) {
                throw e;
            }
            reasons.addAll(e.reasons());
        }
        return null;
    }

    /** Keeps a refusal found by the caller's own check; {@code facts} in name-value pairs. */
    void refuse(String field, String code, Object... facts) {
        reasons.add(new Refusal.Reason(field, code, Refusal.facts(facts)));
    }

    /** A refusal listing every problem kept, if there is any. */
    void refuseIfAny() {
        if (!reasons.isEmpty()) {
            throw Refusal.invalid(reasons);
        }
    }
}
