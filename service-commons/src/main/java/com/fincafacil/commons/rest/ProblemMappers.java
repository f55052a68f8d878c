package com.fincafacil.commons.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fincafacil.commons.persistence.UniqueViolation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Set;

/**
 * Turns every failure into RFC 9457 problem+json. Messages are written here in plain words so no
 * exception class name, stack trace or parser internals reach a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** An authentication failure's attribute naming the header whose credential was refused. */
    public static final String REFUSED_HEADER = "fincafacil.refused-header";

    private final KnownRoutes routes;

    public ProblemMappers(KnownRoutes routes) {
        this.routes = routes;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return respond(BodyProblems.of(e));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e) {
        return respond(BodyProblems.of(e));
    }

    /** Declared apart so it outranks quarkus-rest-jackson's own mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e) {
        return respond(BodyProblems.of(e));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return respond(Problem.ofFieldError(400, "invalid_parameter", "Invalid input", e.parameter(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        return respond(BodyProblems.violations(e));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(Problem.of(401, "Unauthorized", "A valid bearer token or API key is required."));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        String header = e.getAttribute(REFUSED_HEADER);
        if (header != null) {
            return respond(Problem.ofField(401, "Unauthorized", header, "Send a valid " + header + " for this finca."));
        }
        return respond(Problem.of(401, "Unauthorized", "A valid bearer token or API key is required."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role does not allow this action."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        // the JSON reader wraps parser failures; answer them as precisely as unwrapped ones
        Problem body = BodyProblems.of(e.getCause());
        if (body != null) {
            return respond(body);
        }
        if (e.getCause() instanceof InvalidParameterException parameter) {
            return invalidParameter(parameter);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(Problem.of(status, "Server error", "The request could not be completed."));
        }
        Set<String> allowed = routes.methodsAt(request.path());
        // several resources may share an address prefix; then JAX-RS reports a known address with a wrong method as 404
        if ((status == 404 && e instanceof NotFoundException && e.getCause() == null && !allowed.isEmpty()
                && !allowed.contains(request.method().name())) || status == 405) {
            return methodNotAllowed(allowed);
        }
        if (status == 415) {
            return respond(Problem.coded(415, "unsupported_media_type", titleFor(415),
                    unsupportedType(routes.consumes(request.method().name(), request.path())), null));
        }
        return respond(Problem.of(status, titleFor(status), detailFor(status)));
    }

    /** 405 with the methods the address does serve, as RFC 9110 asks. */
    public static Response methodNotAllowed(Set<String> allowed) {
        Problem problem = Problem.of(405, "Method Not Allowed", allowed.isEmpty()
                ? "This address does not accept that method."
                : "This address does not accept that method; it accepts " + String.join(", ", allowed) + ".");
        Response.ResponseBuilder response = Response.status(405).type(Problem.MEDIA_TYPE).entity(problem);
        if (!allowed.isEmpty()) {
            response.header(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
        return response.build();
    }

    private static String unsupportedType(List<String> accepted) {
        if (accepted.isEmpty()) {
            return "The request body's media type is not supported; send application/json.";
        }
        return "The request body's media type is not supported at this address; send it as "
                + String.join(" or ", accepted) + ".";
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // a write that lost a race against a unique constraint is a conflict, not a server error
        if (UniqueViolation.isCause(e)) {
            return respond(Problem.of(409, "Conflict", "The request conflicts with data written at the same time; read it again and retry."));
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return respond(problem.problem());
            }
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "Server error", "The request could not be completed."));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String titleFor(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Request error";
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource exists at this address.";
            case 406 -> "The requested media type is not available.";
            default -> "The request was refused.";
        };
    }
}
