package com.fincafacil.farm.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.domain.Decision;
import com.fincafacil.farm.domain.InvalidValueException;

import java.util.Locale;
import java.util.function.Supplier;

/** Turns the domain's refusals and invalid values into the refusals a farm app receives. */
final class Refusals {

    private Refusals() {
    }

    static void check(Decision decision) {
        if (decision instanceof Decision.Refused refused) {
            Refusal.Kind kind = refused.kind() == Decision.Kind.STATE_CONFLICT ? Refusal.Kind.CONFLICT : Refusal.Kind.UNPROCESSABLE;
            throw Refusal.of(kind, null, refused.code().toLowerCase(Locale.ROOT), "detail", refused.reason());
        }
    }

    /** Runs a value-object factory, refusing the field when the value is invalid. */
    static <T> T valid(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InvalidValueException e) {
            throw invalid(e.field(), e);
        }
    }

    /** An invalid value reported under {@code field} (its own, or the name the caller knows it by). */
    static Refusal invalid(String field, InvalidValueException e) {
        return new Refusal(Refusal.Kind.INVALID, e.code(), java.util.List.of(new Refusal.Reason(field, e.code(), e.facts(field))));
    }
}
