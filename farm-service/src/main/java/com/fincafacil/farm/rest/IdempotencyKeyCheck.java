package com.fincafacil.farm.rest;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.service.IdempotencyService;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A blank {@code Idempotency-Key} is a client bug, not "no key": JAX-RS hands a resource null for
 * an empty header, so without this check the request would run as an unprotected write.
 */
public class IdempotencyKeyCheck {

    @ServerRequestFilter
    public void refuseBlankKey(HttpServerRequest request) {
        String key = request.getHeader(IdempotencyService.HEADER);
        if (key != null && key.isBlank()) {
            throw Refusal.invalid(IdempotencyService.HEADER, "invalid_idempotency_key", "variant", "blank");
        }
    }
}
