package com.fincafacil.flags.rest;

import com.fincafacil.flags.domain.Evaluation;
import com.fincafacil.flags.domain.EvaluationContext;
import com.fincafacil.flags.service.FlagEvaluationService;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenFeature Remote Evaluation Protocol (OFREP 0.1): single evaluation and the configuration
 * endpoint. Evaluation is in memory, so it runs on the event loop. Bulk evaluation, the address
 * every farm app polls, is the plain Vert.x route {@link OfrepBulkRoute}.
 */
@Path("/ofrep/v1")
@Tag(name = "OFREP")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class OfrepResource {

    private final FlagEvaluationService evaluations;

    public OfrepResource(FlagEvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @POST
    @Path("/evaluate/flags/{key}")
    @NonBlocking
    @Operation(summary = "Evaluate one flag for a finca (context: targetingKey, nivel_despliegue, app_version)")
    @APIResponse(responseCode = "200", description = "The flag's value for the context, and why",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OfrepEvaluation")))
    @APIResponse(responseCode = "400", description = "The context is missing or unreadable (OFREP's error body); a query parameter "
            + "holding NUL or bytes that are not UTF-8 is refused before the route, as everywhere, in problem+json",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OfrepError")),
                    @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"))})
    @APIResponse(responseCode = "404", description = "No flag has this key (OFREP's error body, FLAG_NOT_FOUND)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OfrepError")))
    public Response evaluate(@PathParam("key") String key, byte[] body) {
        EvaluationContext context;
        try {
            context = OfrepContext.parse(body);
        } catch (OfrepContext.Invalid e) {
            return Response.status(400).entity(error(key, e.errorCode, e.getMessage())).build();
        }
        return evaluations.evaluate(key, context)
                .map(evaluation -> Response.ok(success(evaluation)).build())
                .orElseGet(() -> Response.status(404)
                        .entity(error(key, "FLAG_NOT_FOUND", "No flag named " + key + ".")).build());
    }

    @GET
    @Path("/configuration")
    @NonBlocking
    @Operation(summary = "What this flag system supports, for OFREP providers")
    public Map<String, Object> configuration() {
        return Map.of("name", "fincafacil-flags",
                "capabilities", Map.of(
                        "cacheInvalidation", Map.of("polling", Map.of("enabled", true, "minPollingIntervalMs", 5000)),
                        "flagEvaluation", Map.of("supportedTypes", List.of("boolean"))));
    }

    static Map<String, Object> success(Evaluation evaluation) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", evaluation.flagKey());
        out.put("reason", evaluation.reason().name());
        out.put("variant", evaluation.value() ? "on" : "off");
        out.put("value", evaluation.value());
        out.put("metadata", Map.of("rule", evaluation.rule(), "detail", evaluation.detail()));
        return out;
    }

    private static Map<String, Object> error(String key, String code, String details) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (key != null) {
            out.put("key", key);
        }
        out.put("errorCode", code);
        out.put("errorDetails", details);
        return out;
    }
}
