package com.fincafacil.flags.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.rest.InvalidParameterException;
import com.fincafacil.commons.rest.ProblemMappers;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.Response;

/**
 * The platform's problem+json answers for a plain Vert.x route: built by the same
 * {@link ProblemMappers} JAX-RS routes go through, so words, language and headers stay the same.
 */
@ApplicationScoped
class MappedAnswers {

    private final ProblemMappers mappers;
    private final ObjectMapper json;

    MappedAnswers(ProblemMappers mappers, ObjectMapper json) {
        this.mappers = mappers;
        this.json = json;
    }

    void notAcceptable(RoutingContext ctx) {
        send(ctx, mappers.web(new NotAcceptableException(), ctx.request()));
    }

    void invalidParameter(RoutingContext ctx, InvalidParameterException e) {
        send(ctx, mappers.invalidParameter(e, ctx.request()));
    }

    private void send(RoutingContext ctx, Response answer) {
        try {
            var response = ctx.response().setStatusCode(answer.getStatus());
            answer.getStringHeaders().forEach(response::putHeader);
            response.end(Buffer.buffer(json.writeValueAsBytes(answer.getEntity())));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }
}
