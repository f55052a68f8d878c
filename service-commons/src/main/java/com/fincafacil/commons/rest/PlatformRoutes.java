package com.fincafacil.commons.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.health.BuildInfo;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Router-level behaviour that must cover every address, /q/* included: each answer names the
 * build that gave it (so a blue-green switch is visible from outside), and addresses that no
 * route serves get a problem+json 404 instead of Vert.x's plain page (or a 405 with {@code Allow}
 * when the address is known for other methods).
 */
@ApplicationScoped
public class PlatformRoutes {

    public static final String VERSION_HEADER = "X-FincaFacil-Version";

    private final ObjectMapper mapper;
    private final BuildInfo build;
    private final KnownRoutes routes;

    public PlatformRoutes(ObjectMapper mapper, BuildInfo build, KnownRoutes routes) {
        this.mapper = mapper;
        this.build = build;
        this.routes = routes;
    }

    void register(@Observes Router router) {
        String version = build.version();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.response().headers().set(VERSION_HEADER, version);
            ctx.next();
        });
        router.route().order(Integer.MAX_VALUE).handler(ctx -> {
            try {
                java.util.Set<String> allowed = routes.methodsAt(ctx.request().path());
                if (!allowed.isEmpty() && !allowed.contains(ctx.request().method().name())) {
                    var answer = ProblemMappers.methodNotAllowed(allowed);
                    ctx.response().setStatusCode(405).putHeader("Allow", String.join(", ", allowed))
                            .putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .end(Buffer.buffer(mapper.writeValueAsBytes(answer.getEntity())));
                    return;
                }
                byte[] body = mapper.writeValueAsBytes(Problem.of(404, "Not Found", "No resource exists at this address."));
                ctx.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Buffer.buffer(body));
            } catch (Exception e) {
                ctx.fail(e);
            }
        });
    }
}
