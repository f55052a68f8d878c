package com.fincafacil.commons.openapi;

import com.fincafacil.commons.rest.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;

/**
 * The OpenAPI schemas of {@link Problem} and its {@link Problem.FieldError}s, written by hand
 * because the record's constructors and Jackson's NON_NULL say more than a scan would: which
 * members every problem has and which ones only some have.
 */
final class ProblemSchemas {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private ProblemSchemas() {
    }

    static Schema problem() {
        return object("An RFC 9457 problem. `code` is stable and machine-readable and `type` is its URI; "
                + "`title`, `detail` and `errors[].message` are in the language Accept-Language asked for.")
                .addProperty("type", text("https://fincafacil.co/problems/<code>").format("uri"))
                .addProperty("title", text("A short summary of the problem's kind"))
                .addProperty("status", integer("The HTTP status, repeated"))
                .addProperty("code", text("Stable, machine-readable code, e.g. ear_tag_taken"))
                .addProperty("detail", text("What went wrong, in plain words"))
                .addProperty("field", text("The offending field, parameter or header, when there is one"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Every problem found in the request's fields at once")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)))
                .required(List.of("type", "title", "status", "code"));
    }

    static Schema fieldError() {
        return object("One problem with one piece of input")
                .addProperty("field", text("The field, e.g. earTag or operations[3].recordedAt"))
                .addProperty("code", text("Stable code of this problem, e.g. invalid_ear_tag"))
                .addProperty("message", text("What is wrong with it, in plain words"))
                .addProperty("line", integer("The line of a file (CSV import)"))
                .required(List.of("code", "message"));
    }

    /** An application/problem+json body. */
    static Content content() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").description(description);
    }
}
