package com.fincafacil.farm.rest;

import com.fincafacil.farm.service.IdempotencyService;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Turns a stored (or fresh) idempotent answer into the HTTP response. */
final class Idempotent {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private Idempotent() {
    }

    static Response respond(IdempotencyService.StoredResponse stored) {
        Response.ResponseBuilder response = Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body());
        if (stored.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
