package com.fincafacil.release.domain.schema;

/** One difference between the running version's schema and the target's, and what it does to the running version. */
public record SchemaChange(String object, Effect effect, String reason) {

    /**
     * {@code EXPAND}: the previous version still works on the new schema; {@code CONTRACT}: it may
     * not (it reads or writes something that is gone, changed, or newly refused).
     */
    public enum Effect { EXPAND, CONTRACT }
}
