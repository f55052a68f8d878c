package com.fincafacil.commons.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.commons.refusal.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

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

    private static final List<Class<?>> WHOLE_NUMBERS = List.of(Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, java.math.BigInteger.class);
    /** How to write a value of each type a body may hold: the key of the message that says it, so the fix is obvious. */
    private static final Map<Class<?>, String> FORMATS = Map.ofEntries(
            Map.entry(java.time.LocalDate.class, "date"), Map.entry(java.time.OffsetDateTime.class, "date_time"),
            Map.entry(java.time.Instant.class, "instant"), Map.entry(java.math.BigDecimal.class, "number"),
            Map.entry(Double.class, "number"), Map.entry(double.class, "number"),
            Map.entry(Boolean.class, "boolean"), Map.entry(boolean.class, "boolean"),
            Map.entry(java.util.UUID.class, "uuid"));

    private BodyProblems() {
    }

    /** The refusal a JSON reading failure stands for, or null when {@code cause} is none. */
    static Refusal of(Throwable cause) {
        if (cause instanceof JsonParseException parse) {
            return Refusal.invalid(null, "malformed_json", "line", parse.getLocation().getLineNr(),
                    "column", parse.getLocation().getColumnNr());
        }
        if (cause instanceof ForbiddenCharacterException forbidden) {
            return Refusal.invalid(path(forbidden), forbidden.nul() ? "nul_character" : "invalid_character");
        }
        if (cause instanceof InvalidFormatException format) {
            return badValue(format);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Refusal.invalid(path(unknown), "unknown_field");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            if (field.isEmpty()) {
                return Refusal.invalid(null, "body_required");
            }
            // a value of another JSON type (coercion is off): say how to write the right one
            String format = mismatch.getTargetType() == String.class ? "text" : FORMATS.get(mismatch.getTargetType());
            return Refusal.invalid(List.of(new Refusal.Reason(field, "wrong_type",
                    format == null ? null : Refusal.facts(Refusal.VARIANT, format))));
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return Refusal.invalid(field.isEmpty() ? null : field, "unreadable_body");
        }
        return null;
    }

    private static Refusal badValue(InvalidFormatException e) {
        return Refusal.invalid(List.of(badValue(path(e), e.getTargetType())));
    }

    /** A value that is not one of its type's: how to write it, when the type says. */
    static Refusal.Reason badValue(String field, Class<?> type) {
        if (WHOLE_NUMBERS.contains(type)) {
            return new Refusal.Reason(field, "not_whole_number", null);
        }
        if (type != null && type.isEnum()) {
            return new Refusal.Reason(field, "unknown_value", Refusal.facts("allowed",
                    Arrays.stream(type.getEnumConstants()).map(Object::toString).toList()));
        }
        String format = FORMATS.get(type);
        return new Refusal.Reason(field, "invalid_format", format == null ? null : Refusal.facts(Refusal.VARIANT, format));
    }

    /** Every violation at once, each with its field, code and the constraint's limits as facts. */
    static Refusal violations(ConstraintViolationException e) {
        // Bean Validation's own sentence stays the English wording, as before
        List<Refusal.Reason> reasons = e.getConstraintViolations().stream()
                .map(v -> Violations.reason(v, leafPath(v), true))
                .sorted(Comparator.comparing(Refusal.Reason::field))
                .toList();
        return Refusal.invalid(reasons);
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
