package com.fincafacil.release.rest.console;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.commons.rest.KnownRoutes;
import com.fincafacil.commons.rest.ProblemMappers;
import com.fincafacil.commons.rest.ProblemTexts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A console page refused for want of a session or a role, or one that names nothing (an address
 * or a release id that does not exist), is an HTML page in the operator's language; everywhere
 * else the answer stays the API's problem+json, written by the shared mappers.
 */
public class ConsoleErrors {

    private final ConsolePage page;
    private final ProblemMappers api;

    public ConsoleErrors(ConsolePage page, KnownRoutes routes, ProblemTexts texts) {
        this.page = page;
        this.api = new ProblemMappers(routes, texts);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException e, RoutingContext request) {
        return console(request) ? page.error(request, 401, "error_signin") : api.unauthorized(e, request.request());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unauthenticated(AuthenticationFailedException e, RoutingContext request) {
        return console(request) ? page.error(request, 401, "error_signin") : api.unauthenticated(e, request.request());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response forbidden(ForbiddenException e, RoutingContext request) {
        return console(request) ? page.error(request, 403, "error_forbidden") : api.forbidden(e, request.request());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response notFound(jakarta.ws.rs.NotFoundException e, RoutingContext request) {
        return console(request) ? page.error(request, 404, "error_not_found") : api.web(e, request.request());
    }

    /** Only a "no such release" is a page here; every other refusal keeps the shared mapper's answer. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response refusal(Refusal e, RoutingContext request) {
        return console(request) && e.kind() == Refusal.Kind.NOT_FOUND
                ? page.error(request, 404, "error_not_found") : api.refusal(e, request.request());
    }

    private static boolean console(RoutingContext request) {
        return request.normalizedPath().startsWith(ConsoleSession.PATH);
    }
}
