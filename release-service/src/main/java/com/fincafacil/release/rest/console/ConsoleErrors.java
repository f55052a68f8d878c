package com.fincafacil.release.rest.console;

import com.fincafacil.commons.rest.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A console page refused for want of a session or a role is an HTML page in the operator's
 * language (how to sign in, or that the role does not allow it); everywhere else the answer stays
 * the API's problem+json, written by the shared mappers.
 */
public class ConsoleErrors {

    private final ConsolePage page;

    public ConsoleErrors(ConsolePage page) {
        this.page = page;
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException e, RoutingContext request) {
        return console(request) ? page.error(request, 401, "error_signin") : api().unauthorized(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unauthenticated(AuthenticationFailedException e, RoutingContext request) {
        return console(request) ? page.error(request, 401, "error_signin") : api().unauthenticated(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response forbidden(ForbiddenException e, RoutingContext request) {
        return console(request) ? page.error(request, 403, "error_forbidden") : api().forbidden(e);
    }

    private static boolean console(RoutingContext request) {
        return request.normalizedPath().startsWith(ConsoleSession.PATH);
    }

    /** The shared mappers' answers for these three need no route table. */
    private static ProblemMappers api() {
        return new ProblemMappers(null);
    }
}
