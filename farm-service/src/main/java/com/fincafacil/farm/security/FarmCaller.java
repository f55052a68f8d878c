package com.fincafacil.farm.security;

import com.fincafacil.commons.rest.Problem;
import com.fincafacil.commons.rest.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/**
 * The farm app behind this request, known by its {@code X-API-Key}. A key sees only its own
 * finca: asking for another finca's data answers 404, exactly as if it did not exist.
 */
@RequestScoped
public class FarmCaller {

    public static final String HEADER = "X-API-Key";

    private final HttpServerRequest request;
    private final ApiKeyVerifier verifier;

    public FarmCaller(HttpServerRequest request, ApiKeyVerifier verifier) {
        this.request = request;
        this.verifier = verifier;
    }

    /** Returns the finca id if this request's key belongs to it; 401 without a valid key, 404 for another finca. */
    public UUID requireFinca(UUID fincaId) {
        UUID own = verifier.fincaOf(request.getHeader(HEADER)).orElseThrow(() -> new ProblemException(
                Problem.ofField(401, "Unauthorized", HEADER, "Send a valid " + HEADER + " for this finca.")));
        if (!own.equals(fincaId)) {
            throw ProblemException.notFound("finca_not_found", "No finca " + fincaId + ".");
        }
        return own;
    }
}
