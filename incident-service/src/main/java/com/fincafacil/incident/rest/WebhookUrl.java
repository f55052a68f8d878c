package com.fincafacil.incident.rest;

import com.fincafacil.incident.domain.announce.SecretUrl;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A channel's webhook address, as {@link SecretUrl} accepts one (absolute http or https); null passes. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WebhookUrl.Check.class)
public @interface WebhookUrl {

    /** The refusal's code (see Violations). */
    String code() default "invalid_url";

    String message() default "must be an absolute http or https address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WebhookUrl, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || SecretUrl.valid(value);
        }
    }
}
