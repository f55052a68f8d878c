package com.fincafacil.commons.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Refuses a body larger than its address takes with a problem+json 413, before a byte of it is
 * read: the size comes from Content-Length. Quarkus' own limit would answer an empty 413, and
 * only one limit for every route.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final ObjectMapper mapper;
    private final KnownRoutes routes;
    private final long maxBody;
    private final long maxFile;

    public BodySizeLimit(ObjectMapper mapper, KnownRoutes routes, BodyLimits limits) {
        this.mapper = mapper;
        this.routes = routes;
        this.maxBody = limits.maxBodySize().asLongValue();
        this.maxFile = limits.maxFileSize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        long length = contentLength(ctx);
        if (length <= maxBody) {
            ctx.next();
            return;
        }
        long limit = takesFiles(ctx) ? maxFile : maxBody;
        if (length <= limit) {
            ctx.next();
            return;
        }
        try {
            Problem problem = new Problem(Problem.typeOf("payload_too_large"), "Payload Too Large", 413, "payload_too_large",
                    "The request body is " + length + " bytes; this address takes at most " + limit + " bytes ("
                            + (limit >> 20) + " MB).", null, null);
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(mapper.writeValueAsBytes(problem)));
            // the rest of the body is read and dropped, so the client can read the answer
            ctx.request().resume();
        } catch (Exception e) {
            ctx.fail(e);
        }
    }

    private boolean takesFiles(RoutingContext ctx) {
        List<String> consumes = routes.consumes(ctx.request().method().name(), ctx.request().path());
        return !consumes.isEmpty() && consumes.stream().noneMatch(type -> type.contains("json"));
    }

    private static long contentLength(RoutingContext ctx) {
        String header = ctx.request().getHeader("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
