package com.fincafacil.commons.refusal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;

/**
 * A broken Bean Validation constraint as a refusal's reason: the stable code its annotation stands
 * for and the annotation's limits as facts, so every service words {@code @NotBlank} or
 * {@code @Size(max = 120)} the same way from the message bundles.
 */
public final class Violations {

    /** Constraint annotation → the code of its refusal. */
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("NotNull", "field_required"), Map.entry("NotBlank", "field_required"),
            Map.entry("NotEmpty", "field_required"), Map.entry("Size", "wrong_length"),
            Map.entry("Min", "out_of_range"), Map.entry("Max", "out_of_range"),
            Map.entry("DecimalMin", "out_of_range"), Map.entry("DecimalMax", "out_of_range"),
            Map.entry("Positive", "out_of_range"), Map.entry("PositiveOrZero", "out_of_range"),
            Map.entry("Negative", "out_of_range"), Map.entry("NegativeOrZero", "out_of_range"),
            Map.entry("Pattern", "invalid_format"), Map.entry("Email", "invalid_format"),
            Map.entry("Past", "date_not_in_past"), Map.entry("Future", "date_not_in_future"),
            Map.entry("OneOf", "unknown_value"));

    private Violations() {
    }

    /**
     * The reason for one violation under {@code field}. With {@code validatorWording}, Bean
     * Validation's own English sentence goes along as the {@code detail} fact (English answers keep
     * it); without, the bundles word every language.
     */
    public static Refusal.Reason reason(ConstraintViolation<?> violation, String field, boolean validatorWording) {
        Map<String, Object> facts = new HashMap<>();
        violation.getConstraintDescriptor().getAttributes().forEach((name, value) -> {
            if (value instanceof Number || value instanceof String) {
                facts.put(name, value);
            }
        });
        if (violation.getConstraintDescriptor().getAnnotation() instanceof OneOf oneOf) {
            // the bundles' unknown_value sentence lists what is allowed; the annotation's cannot
            facts.put("allowed", OneOf.Allowed.of(oneOf));
        } else if (validatorWording || ownSentence(violation)) {
            facts.put("detail", violation.getMessage());
        }
        // a service's own constraint names its code in a `code` attribute
        Object own = facts.remove("code");
        String code = own instanceof String c ? c : codeOf(violation.getConstraintDescriptor().getAnnotation());
        return new Refusal.Reason(field, code, facts);
    }

    /** A constraint that words its own English sentence ({@code message = "must be a SELECT…"}), not Bean Validation's template. */
    private static boolean ownSentence(ConstraintViolation<?> violation) {
        return !violation.getMessageTemplate().startsWith("{");
    }

    private static String codeOf(Annotation constraint) {
        // a text with only an upper limit is too long; one with a lower limit too may be either
        if (constraint instanceof Size size && size.min() == 0) {
            return "too_long";
        }
        return CODES.getOrDefault(constraint.annotationType().getSimpleName(), "invalid_value");
    }
}
