package com.fincafacil.commons.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fincafacil.problems.ProblemTypes;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code code} is stable and machine-readable ({@code field_required},
 * {@code ear_tag_taken}…) and {@code type} is its URI, so an app can react without parsing text.
 * {@code field} names the offending input; {@code errors} lists every problem when there are
 * several (a JSON body, a CSV file, a flags file), each with its own code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String code, String detail, String field,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = ProblemTypes.MEDIA_TYPE;

    /** The code of a problem nobody named more precisely, by status. */
    private static final Map<Integer, String> STATUS_CODES = Map.ofEntries(
            Map.entry(400, "invalid_input"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
            Map.entry(404, "not_found"), Map.entry(405, "method_not_allowed"), Map.entry(406, "not_acceptable"),
            Map.entry(409, "conflict"), Map.entry(412, "precondition_failed"), Map.entry(413, "payload_too_large"),
            Map.entry(415, "unsupported_media_type"), Map.entry(422, "unprocessable"),
            Map.entry(428, "precondition_required"), Map.entry(500, "server_error"), Map.entry(503, "unavailable"));

    /** One problem with one piece of input; line is set for files. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String code, String message, Integer line) {
        public FieldError(String field, String message, Integer line) {
            this(field, "invalid_value", message, line);
        }

        public FieldError(String field, String message) {
            this(field, "invalid_value", message, null);
        }
    }

    /** A problem whose code follows from its type URI ({@code …/problems/<code>}) or, failing that, its status. */
    public Problem(String type, String title, int status, String detail, String field, List<FieldError> errors) {
        this(type, title, status, codeOf(type, status), detail, field, errors);
    }

    public static Problem of(int status, String title, String detail) {
        return coded(status, codeFor(status), title, detail, null);
    }

    public static Problem ofField(int status, String title, String field, String detail) {
        return coded(status, codeFor(status), title, detail, field);
    }

    /** A problem with its own code; {@code type} is that code's URI. */
    public static Problem coded(int status, String code, String title, String detail, String field) {
        return new Problem(typeOf(code), title, status, code, detail, field, null);
    }

    /** One problem with one field: also listed in {@code errors}, so a client reads every refused body one way. */
    public static Problem ofFieldError(int status, String code, String title, String field, String detail) {
        return new Problem(typeOf(code), title, status, code, detail, field, List.of(new FieldError(field, code, detail, null)));
    }

    /** Several problems; with only one, the answer takes that problem's field and code. */
    public static Problem ofErrors(int status, String title, String detail, List<FieldError> errors) {
        boolean one = errors.size() == 1;
        String code = one && errors.get(0).code() != null ? errors.get(0).code() : codeFor(status);
        return new Problem(typeOf(code), title, status, code, detail, one ? errors.get(0).field() : null, List.copyOf(errors));
    }

    public static String typeOf(String code) {
        return ProblemTypes.uri(code);
    }

    public static String codeFor(int status) {
        return STATUS_CODES.getOrDefault(status, status >= 500 ? "server_error" : "request_refused");
    }

    private static String codeOf(String type, int status) {
        String code = ProblemTypes.codeOf(type);
        return code != null ? code : codeFor(status);
    }
}
