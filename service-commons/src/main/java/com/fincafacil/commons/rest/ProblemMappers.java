package com.fincafacil.commons.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fincafacil.commons.persistence.DatabaseUnavailable;
import com.fincafacil.commons.persistence.UniqueViolation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fincafacil.commons.refusal.Refusal;
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

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns every failure into RFC 9457 problem+json, in the caller's language ({@link ProblemTexts}).
 * Use cases raise {@link Refusal}s (a code and its facts); their words come from the message
 * bundles, so no exception class name, stack trace or parser internals reach a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** An authentication failure's attribute naming the header whose credential was refused. */
    public static final String REFUSED_HEADER = "fincafacil.refused-header";

    private static final Map<Refusal.Kind, Integer> STATUS = new EnumMap<>(Map.of(
            Refusal.Kind.INVALID, 400, Refusal.Kind.UNAUTHENTICATED, 401, Refusal.Kind.FORBIDDEN, 403,
            Refusal.Kind.NOT_FOUND, 404, Refusal.Kind.CONFLICT, 409, Refusal.Kind.UNPROCESSABLE, 422,
            Refusal.Kind.TOO_LARGE, 413, Refusal.Kind.UNAVAILABLE, 503, Refusal.Kind.FAILED, 500,
            Refusal.Kind.PRECONDITION_REQUIRED, 428));
    /** Seconds a client waits before retrying while the database is away (a restart takes a few). */
    static final String RETRY_AFTER_SECONDS = "2";

    private final KnownRoutes routes;
    private final ProblemTexts texts;

    public ProblemMappers(KnownRoutes routes, ProblemTexts texts) {
        this.routes = routes;
        this.texts = texts;
    }

    @ServerExceptionMapper
    public Response refusal(Refusal e, HttpServerRequest request) {
        return answer(render(e, texts.languageOf(request)), request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpServerRequest request) {
        return refusal(BodyProblems.of(e), request);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e, HttpServerRequest request) {
        return refusal(BodyProblems.of(e), request);
    }

    /** Declared apart so it outranks quarkus-rest-jackson's own mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e, HttpServerRequest request) {
        return refusal(BodyProblems.of(e), request);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, HttpServerRequest request) {
        Map<String, Object> facts = new HashMap<>(Map.of("detail", e.getMessage()));
        if (e.variant() != null) {
            facts.put(Refusal.VARIANT, e.variant());
            facts.put("found", e.found());
        }
        return refusal(new Refusal(Refusal.Kind.INVALID, "invalid_parameter",
                List.of(new Refusal.Reason(e.parameter(), "invalid_parameter", facts))), request);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        return refusal(BodyProblems.violations(e), request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return refusal(Refusal.of(Refusal.Kind.UNAUTHENTICATED, null, "unauthorized"), request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, HttpServerRequest request) {
        String header = e.getAttribute(REFUSED_HEADER);
        return refusal(Refusal.of(Refusal.Kind.UNAUTHENTICATED, header, "unauthorized"), request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return refusal(Refusal.forbidden("forbidden"), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        // the JSON reader wraps parser failures; answer them as precisely as unwrapped ones
        Refusal body = BodyProblems.of(e.getCause());
        if (body != null) {
            return refusal(body, request);
        }
        if (e.getCause() instanceof InvalidParameterException parameter) {
            return invalidParameter(parameter, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return answer(Problem.of(status, "Server error", "The request could not be completed."), request, Map.of());
        }
        Set<String> allowed = routes.methodsAt(request.path());
        // several resources may share an address prefix; then JAX-RS reports a known address with a wrong method as 404
        if ((status == 404 && e instanceof NotFoundException && e.getCause() == null && !allowed.isEmpty()
                && !allowed.contains(request.method().name())) || status == 405) {
            Response refused = answer((Problem) methodNotAllowed(allowed).getEntity(), request,
                    allowed.isEmpty() ? Map.of() : Map.of("allowed", String.join(", ", allowed)));
            return allowed.isEmpty() ? refused
                    : Response.fromResponse(refused).header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
        }
        if (status == 415) {
            List<String> accepted = routes.consumes(request.method().name(), request.path());
            return answer(Problem.coded(415, "unsupported_media_type", titleFor(415), unsupportedType(accepted), null),
                    request, Map.of("accepted", accepted.isEmpty() ? List.of("application/json") : accepted));
        }
        return answer(Problem.of(status, titleFor(status), detailFor(status)), request, Map.of());
    }

    /** A refusal in words: title, detail and each reason's message from the bundles, in {@code language}. */
    public Problem render(Refusal refusal, Locale language) {
        int status = STATUS.get(refusal.kind());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Refusal.Reason reason : refusal.reasons()) {
            errors.add(new Problem.FieldError(reason.field(), reason.code(), message(reason, language), reason.line()));
        }
        boolean one = errors.size() == 1;
        Map<String, Object> facts = one ? factsOf(refusal.reasons().get(0), language) : Map.of("count", errors.size());
        String title = texts.text(language, facts, refusal.code() + ".title", "status." + status + ".title")
                .orElse(titleFor(status));
        boolean listed = errors.stream().anyMatch(err -> err.field() != null);
        // a refusal about fields says what is wrong with them; one about nothing in particular has its own detail
        String messages = errors.stream().map(Problem.FieldError::message).collect(Collectors.joining(" "));
        String detail = refusal.summary() != null
                ? texts.text(language, refusal.summaryFacts(), refusal.summary() + ".detail").orElse(messages)
                : listed ? messages : texts.text(language, facts, refusal.code() + ".detail").orElse(messages);
        String field = one ? errors.get(0).field() : null;
        return new Problem(Problem.typeOf(refusal.code()), title, status, refusal.code(), detail, field, listed ? errors : null);
    }

    /**
     * One reason's sentence: a field's own wording of its code first ({@code out_of_range.weightKg}),
     * then the wording of its variant ({@code invalid_format.date}), else the code's.
     */
    private String message(Refusal.Reason reason, Locale language) {
        Map<String, Object> facts = factsOf(reason, language);
        // English is the source language: a reason that brings its own English sentence keeps it
        if (language.getLanguage().equals("en") && facts.get("detail") != null) {
            return facts.get("detail").toString();
        }
        return texts.text(language, facts, reason.code() + "." + reason.field(),
                        reason.code() + "." + reason.facts().get(Refusal.VARIANT), reason.code())
                .orElseGet(() -> String.valueOf(facts.getOrDefault("detail", reason.code())));
    }

    private Map<String, Object> factsOf(Refusal.Reason reason, Locale language) {
        Map<String, Object> facts = new HashMap<>(reason.facts());
        facts.putIfAbsent("field", texts.fieldLabel(language, reason.field()));
        if (reason.line() != null) {
            facts.putIfAbsent("line", reason.line());
        }
        return facts;
    }

    /** A problem whose words are already chosen (a rendered refusal): only the headers of its language are added. */
    private Response answer(Problem problem, HttpServerRequest request) {
        return answer(problem, request, null);
    }

    /**
     * A problem built without a refusal: its title in the caller's language, and its detail too
     * when it is one of this mapper's own answers ({@code facts} given, a framework's 404, 405,
     * 415…); a refusal rendered already keeps the detail it was given.
     */
    private Response answer(Problem problem, HttpServerRequest request, Map<String, Object> facts) {
        Locale language = texts.languageOf(request);
        Map<String, Object> known = facts == null ? Map.of() : facts;
        String title = texts.text(language, known, problem.code() + ".title", "status." + problem.status() + ".title")
                .orElse(problem.title());
        String detail = facts == null ? problem.detail()
                : texts.text(language, facts, problem.code() + ".detail").orElse(problem.detail());
        Problem localized = new Problem(problem.type(), title, problem.status(), problem.code(), detail, problem.field(),
                problem.errors());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(localized)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(HttpHeaders.VARY, "Accept-Language").build();
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
    public Response unexpected(Throwable e, HttpServerRequest request) {
        // a write that lost a race against a unique constraint is a conflict, not a server error
        if (UniqueViolation.isCause(e)) {
            return refusal(Refusal.conflict(null, "conflict"), request);
        }
        // the database restarting or out of reach: nothing was acknowledged, so the client may retry
        // (with the same Idempotency-Key a write that did commit is answered, not repeated)
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("Database unavailable: %s", DatabaseUnavailable.reason(e));
            return Response.fromResponse(refusal(Refusal.of(Refusal.Kind.UNAVAILABLE, null, "database_unavailable"), request))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal(refusal, request);
            }
        }
        LOG.error("Unexpected failure", e);
        return answer(Problem.of(500, "Server error", "The request could not be completed."), request, Map.of());
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
