package com.fincafacil.commons.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is wrong with a request body, in plain words and stable codes: the JSON reader's failures
 * (one at a time: it stops at the first) and Bean Validation's (all at once). No parser
 * internals or class names reach a client.
 */
final class BodyProblems {

    private static final String TITLE = "Invalid input";
    private static final List<Class<?>> WHOLE_NUMBERS = List.of(Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, java.math.BigInteger.class);
    /** Constraint annotation → the code of its refusal. */
    private static final Map<String, String> CONSTRAINT_CODES = Map.ofEntries(
            Map.entry("NotNull", "field_required"), Map.entry("NotBlank", "field_required"),
            Map.entry("NotEmpty", "field_required"), Map.entry("Size", "wrong_length"),
            Map.entry("Min", "out_of_range"), Map.entry("Max", "out_of_range"),
            Map.entry("DecimalMin", "out_of_range"), Map.entry("DecimalMax", "out_of_range"),
            Map.entry("Positive", "out_of_range"), Map.entry("PositiveOrZero", "out_of_range"),
            Map.entry("Negative", "out_of_range"), Map.entry("NegativeOrZero", "out_of_range"),
            Map.entry("Pattern", "invalid_format"), Map.entry("Email", "invalid_format"),
            Map.entry("Past", "date_not_in_past"), Map.entry("Future", "date_not_in_future"));

    /** How to write a value of each type a body may hold, named in the refusal so the fix is obvious. */
    private static final Map<Class<?>, String> FORMATS = Map.ofEntries(
            Map.entry(java.time.LocalDate.class, "a date written yyyy-MM-dd, e.g. 2026-11-28"),
            Map.entry(java.time.OffsetDateTime.class, "a date and time with its offset, e.g. 2026-11-28T14:05:00-05:00"),
            Map.entry(java.time.Instant.class, "a date and time with its offset, e.g. 2026-11-28T19:05:00Z"),
            Map.entry(java.math.BigDecimal.class, "a number such as 450.5"),
            Map.entry(Double.class, "a number such as 450.5"), Map.entry(double.class, "a number such as 450.5"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
            Map.entry(java.util.UUID.class, "an id such as 5f0c6a1e-2b7d-4c1a-9e3f-0d8b7a6c5e41"));

    private BodyProblems() {
    }

    /** The problem a JSON reading failure stands for, or null when {@code cause} is none. */
    static Problem of(Throwable cause) {
        if (cause instanceof JsonParseException parse) {
            return Problem.coded(400, "malformed_json", "Malformed JSON", "The request body is not valid JSON (line "
                    + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ").", null);
        }
        if (cause instanceof ForbiddenCharacterException forbidden) {
            String field = path(forbidden);
            return forbidden.nul()
                    ? Problem.ofFieldError(400, "nul_character", TITLE, field,
                            "Field '" + field + "' contains a NUL character (\\u0000), which text cannot hold; remove it.")
                    : Problem.ofFieldError(400, "invalid_character", TITLE, field,
                            "Field '" + field + "' contains half of a surrogate pair (a lone \\uD800-\\uDFFF escape), "
                                    + "which is not a character; send the whole character.");
        }
        if (cause instanceof InvalidFormatException format) {
            return badValue(format);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Problem.ofFieldError(400, "unknown_field", TITLE, field, "Field '" + field + "' is not known.");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            if (field.isEmpty()) {
                return Problem.coded(400, "body_required", TITLE, "The request body is missing or has the wrong shape.", null);
            }
            // a value of another JSON type (coercion is off): tell how to write the right one
            String format = mismatch.getTargetType() == String.class ? "text in quotes" : FORMATS.get(mismatch.getTargetType());
            return Problem.ofFieldError(400, "wrong_type", TITLE, field, format == null
                    ? "Field '" + field + "' has the wrong type."
                    : "Field '" + field + "' has the wrong type: it must be " + format + ".");
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return field.isEmpty()
                    ? Problem.coded(400, "unreadable_body", TITLE, "The request body could not be read.", null)
                    : Problem.ofFieldError(400, "unreadable_body", TITLE, field, "The request body could not be read at field '" + field + "'.");
        }
        return null;
    }

    private static Problem badValue(InvalidFormatException e) {
        String field = path(e);
        if (WHOLE_NUMBERS.contains(e.getTargetType())) {
            return Problem.ofFieldError(400, "not_whole_number", TITLE, field, "Field '" + field + "' must be a whole number.");
        }
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            String allowed = Arrays.stream(e.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return Problem.ofFieldError(400, "unknown_value", TITLE, field,
                    "Field '" + field + "' has an unknown value. Allowed values: " + allowed + ".");
        }
        String format = FORMATS.get(e.getTargetType());
        return Problem.ofFieldError(400, "invalid_format", TITLE, field, format == null
                ? "Field '" + field + "' has a value of the wrong format."
                : "Field '" + field + "' must be " + format + ".");
    }

    /** Every violation at once, each with its field and code. */
    static Problem violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leafPath(v), codeOf(v), v.getMessage(), null))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return Problem.ofErrors(400, TITLE, detail, errors);
    }

    private static String codeOf(ConstraintViolation<?> v) {
        Annotation constraint = v.getConstraintDescriptor().getAnnotation();
        return CONSTRAINT_CODES.getOrDefault(constraint.annotationType().getSimpleName(), "invalid_value");
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String leafPath(ConstraintViolation<?> v) {
        // "create.request.earTag" → "earTag": clients know their body's fields, not our method names
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }
}
