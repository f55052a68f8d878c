package com.fincafacil.flags.service;

import com.fincafacil.flags.domain.FlagSet;


/**
 * The flags as last read from the store, immutable, so evaluation never touches the database.
 * {@code revision} changes whenever any flag changes; it is the basis of the OFREP bulk ETag.
 */
public record FlagSnapshot(FlagSet flags, String revision) {

    public static FlagSnapshot empty() {
        return new FlagSnapshot(FlagSet.empty(), "0");
    }
}
