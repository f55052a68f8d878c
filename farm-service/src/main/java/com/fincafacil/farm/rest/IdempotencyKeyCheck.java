package com.fincafacil.farm.rest;

import com.fincafacil.commons.rest.Problem;
import com.fincafacil.commons.rest.ProblemMappers;
import com.fincafacil.farm.service.IdempotencyService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * A blank {@code Idempotency-Key} is a client bug, not "no key": JAX-RS hands a resource null for
 * an empty header, so without this check the request would run as an unprotected write.
 */
public class IdempotencyKeyCheck {

    @ServerRequestFilter
    public Optional<Response> refuseBlankKey(HttpServerRequest request) {
        String key = request.getHeader(IdempotencyService.HEADER);
        if (key == null || !key.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ProblemMappers.respond(Problem.ofFieldError(400, "invalid_idempotency_key", "Invalid input", IdempotencyService.HEADER,
                IdempotencyService.HEADER + " must be 1 to 200 characters; leave the header out to send none.")));
    }
}
