package com.fincafacil.flags.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.flags.repository.FlagEntity;
import com.fincafacil.flags.service.FlagJson;

import java.time.OffsetDateTime;

/** A flag as the admin API shows it: its file-format definition plus kind, version and dates. */
public record FlagView(String key, String kind, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                       ObjectNode definition) {

    static FlagView of(FlagEntity row) {
        return new FlagView(row.key, row.kind, row.version, row.createdAt, row.updatedAt, FlagJson.of(row.toDomain()));
    }

    String etag() {
        return "\"" + version + "\"";
    }
}
