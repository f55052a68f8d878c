package com.fincafacil.farm.rest;

import com.fincafacil.farm.service.IdempotencyService;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Turns a stored (or fresh) idempotent answer into the HTTP response. */
final class Idempotent {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private Idempotent() {
    }

    /** What identifies a request for its Idempotency-Key: the address and the body. */
    record Request(String path, Object body) {
    }

    static Request request(UriInfo uri, Object body) {
        return new Request(uri.getPath(), body);
    }

    static Response respond(IdempotencyService.StoredResponse stored) {
        Response.ResponseBuilder response = Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body());
        if (stored.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
