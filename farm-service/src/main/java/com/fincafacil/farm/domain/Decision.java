package com.fincafacil.farm.domain;

import java.util.Objects;

/**
 * The answer of a lifecycle policy: allowed, or refused with a reason. A refusal is a business
 * outcome, not an error, so policies return it instead of throwing.
 */
public sealed interface Decision permits Decision.Allowed, Decision.Refused {

    /** Why a request was refused; the REST layer maps the kind to its status. */
    enum Kind {
        /** The animal's own state forbids it (already sold, dead): 409 Conflict. */
        STATE_CONFLICT,
        /** The request breaks a rule about what it refers to (a male dam): 422 Unprocessable Content. */
        UNPROCESSABLE
    }

    record Allowed() implements Decision {
    }

    /** {@code code} is stable for clients (e.g. ANIMAL_SOLD); {@code reason} is a sentence for people. */
    record Refused(Kind kind, String code, String reason) implements Decision {
        public Refused {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    Decision ALLOWED = new Allowed();

    static Decision allowed() {
        return ALLOWED;
    }

    static Decision conflict(String code, String reason) {
        return new Refused(Kind.STATE_CONFLICT, code, reason);
    }

    static Decision unprocessable(String code, String reason) {
        return new Refused(Kind.UNPROCESSABLE, code, reason);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }
}
