package com.fincafacil.flags.rest;

import com.fincafacil.commons.rest.InvalidParameterException;
import com.fincafacil.commons.rest.PlainRoute;
import com.fincafacil.commons.rest.RequestRules;
import com.fincafacil.flags.domain.EvaluationContext;
import com.fincafacil.flags.service.FlagEvaluationService;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /ofrep/v1/evaluate/flags} as a plain Vert.x route on the service's HTTP server: the
 * hottest address of the platform (every farm app polls it) skips Quarkus REST's per-request
 * machinery, which cost more than the evaluation itself (docs/benchmarks.md). It answers exactly
 * as the JAX-RS method it replaces did; the router-wide handlers (version header, body size limit,
 * metrics) still run before it. Its OpenAPI description is META-INF/openapi.yaml.
 */
@ApplicationScoped
@PlainRoute(method = "POST", path = OfrepBulkRoute.PATH, consumes = MediaType.WILDCARD)
public class OfrepBulkRoute {

    static final String PATH = "/ofrep/v1/evaluate/flags";
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json;charset=UTF-8");
    private static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
    /** Where Quarkus' HTTP metrics read a request's address template (Quarkus REST sets it for its own routes). */
    private static final String METRICS_TEMPLATE = "UrlPathTemplate";

    /** What Quarkus REST answered to OPTIONS at this address, kept as it was. */
    private static final String OPTIONS_ALLOW = "HEAD, POST, GET, OPTIONS";

    private final FlagEvaluationService evaluations;
    private final MappedAnswers problems;
    /** Quarkus' own backstop for a body sent without Content-Length (BodySizeLimit checks the others). */
    private final long maxBody;

    public OfrepBulkRoute(FlagEvaluationService evaluations, MappedAnswers problems,
                          @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.evaluations = evaluations;
        this.problems = problems;
        this.maxBody = maxBody.asLongValue();
    }

    void register(@Observes Router router) {
        // before Quarkus REST's routes, after the router-wide ones (their orders are all lower)
        router.route(HttpMethod.POST, PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
        router.route(HttpMethod.OPTIONS, PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(ctx -> {
            countedAsTemplate();
            ctx.response().putHeader(HttpHeaders.ALLOW, OPTIONS_ALLOW).end();
        });
    }

    /** One metrics series for every spelling of the address (/flags/, //v1/…): their number has no bound. */
    private static void countedAsTemplate() {
        Vertx.currentContext().putLocal(METRICS_TEMPLATE, PATH);
    }

    private void handle(RoutingContext ctx) {
        countedAsTemplate();
        HttpServerRequest request = ctx.request();
        // the checks RequestRules and content negotiation made when this was a JAX-RS method
        if (request.query() != null) {
            try {
                RequestRules.cleanQuery(request.query());
            } catch (InvalidParameterException e) {
                problems.invalidParameter(ctx, e);
                request.resume();   // the unread body is dropped, so the connection stays usable
                return;
            }
        }
        if (!OfrepAccept.takesJson(request.getHeader(HttpHeaders.ACCEPT))) {
            problems.notAcceptable(ctx);
            request.resume();
            return;
        }
        Buffer body = Buffer.buffer(256);
        request.handler(chunk -> {
            if (ctx.response().ended()) {
                return;
            }
            if (body.length() + chunk.length() > maxBody) {
                tooLarge(ctx);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(ctx::fail);
        request.endHandler(end -> {
            if (!ctx.response().ended()) {
                try {
                    answer(ctx, body);
                } catch (RuntimeException e) {
                    ctx.fail(e);   // outside the router's own call, so it would not see the failure
                }
            }
        });
        request.resume();
    }

    private void answer(RoutingContext ctx, Buffer body) {
        EvaluationContext context;
        try {
            context = OfrepContext.parse(body.getBytes());
        } catch (OfrepContext.Invalid e) {
            ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                    .end(OfrepBulkAnswer.error(e.errorCode, e.getMessage()));
            return;
        }
        String etag = OfrepBulkAnswer.etag(evaluations.revision(), context);
        if (etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            ctx.response().setStatusCode(304).putHeader(ETAG, etag).end();
            return;
        }
        FlagEvaluationService.BulkEvaluation bulk = evaluations.evaluateAll(context);
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).putHeader(ETAG, OfrepBulkAnswer.etag(bulk.revision(), context))
                .end(OfrepBulkAnswer.flags(bulk.evaluations()));
    }

    private void tooLarge(RoutingContext ctx) {
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close").end();
    }
}
