package com.fincafacil.commons.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The error answers an operation can give because of what it is, not what it does: any request
 * can be malformed or meet a database that is away; a body can be too large or of the wrong type;
 * a credential can be missing; an id in the path can name nothing. A route's own description of
 * one of these (a 404's codes, say) is kept.
 */
final class CommonResponses {

    /** What the shared answers depend on. */
    record Shape(boolean pathParameters, boolean body, boolean secured, boolean apiKey) {
    }

    private CommonResponses() {
    }

    static void add(APIResponses responses, Shape shape) {
        put(responses, "400", "Malformed or invalid input: `field` names it and `errors[]` lists every problem "
                + "(codes in docs: invalid_input, field_required, invalid_parameter, …)");
        if (shape.secured()) {
            put(responses, "401", shape.apiKey() ? "No, unknown or revoked X-API-Key (code unauthorized, field X-API-Key)"
                    : "No or invalid bearer token (code unauthorized)");
        }
        if (shape.secured() && !shape.apiKey()) {
            put(responses, "403", "The operator's role is too low for this operation (code forbidden)");
        }
        if (shape.pathParameters()) {
            put(responses, "404", "An id in the path names nothing here (a malformed UUID included)");
        }
        if (shape.body()) {
            put(responses, "413", "The body is larger than its limit (code payload_too_large)");
            put(responses, "415", "A body of a media type this operation does not take (code unsupported_media_type)");
        }
        put(responses, "500", "An unexpected failure (code server_error); no internals are shown");
        if (!responses.hasAPIResponse("503")) {
            responses.addAPIResponse("503", problem("The database is out of reach for a moment (code database_unavailable): "
                    + "send the request again after Retry-After seconds, a write with the same Idempotency-Key")
                    .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))));
        }
    }

    private static void put(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, problem(description));
        } else if (responses.getAPIResponse(status).getDescription() == null
                || responses.getAPIResponse(status).getDescription().isBlank()) {
            responses.getAPIResponse(status).description(description);
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(ProblemSchemas.content());
    }
}
