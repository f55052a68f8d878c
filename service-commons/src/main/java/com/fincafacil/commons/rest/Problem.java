package com.fincafacil.commons.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code field} names the offending input; {@code errors} lists
 * every problem when there are several (a CSV file, a flags file).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One problem with one piece of input; line is set for files. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Integer line) {
        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, null, null);
    }

    public static Problem ofField(int status, String title, String field, String detail) {
        return new Problem(typeFor(status), title, status, detail, field, null);
    }

    public static Problem ofErrors(int status, String title, String detail, List<FieldError> errors) {
        String field = errors.size() == 1 ? errors.get(0).field() : null;
        return new Problem(typeFor(status), title, status, detail, field, List.copyOf(errors));
    }

    private static String typeFor(int status) {
        return "https://fincafacil.co/problems/" + status;
    }
}
