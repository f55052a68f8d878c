package com.fincafacil.commons.refusal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A text field (or each text of a list) that must be one of a fixed set of values: the names in
 * {@code value}, or the constants of {@code enumType}. Null passes (pair it with {@code @NotNull}).
 * Checked with the request's other constraints, so an unknown value is reported together with a
 * missing field instead of in a second answer; its code is {@code unknown_value}, with the allowed
 * values as the {@code allowed} fact.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {OneOf.ForText.class, OneOf.ForTexts.class})
public @interface OneOf {

    String[] value() default {};

    @SuppressWarnings("rawtypes")
    Class<? extends Enum> enumType() default Enum.class;

    String message() default "must be one of the allowed values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The values a {@link OneOf} allows, in its order. */
    final class Allowed {
        private Allowed() {
        }

        @SuppressWarnings("rawtypes")
        public static List<String> of(OneOf constraint) {
            if (constraint.enumType() != Enum.class) {
                return Arrays.stream(constraint.enumType().getEnumConstants()).map(c -> ((Enum) c).name()).toList();
            }
            return List.of(constraint.value());
        }
    }

    class ForText implements ConstraintValidator<OneOf, String> {
        private List<String> allowed;

        @Override
        public void initialize(OneOf constraint) {
            allowed = Allowed.of(constraint);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || allowed.contains(value);
        }
    }

    class ForTexts implements ConstraintValidator<OneOf, Collection<String>> {
        private List<String> allowed;

        @Override
        public void initialize(OneOf constraint) {
            allowed = Allowed.of(constraint);
        }

        @Override
        public boolean isValid(Collection<String> values, ConstraintValidatorContext context) {
            return values == null || values.stream().allMatch(v -> v == null || allowed.contains(v));
        }
    }
}
