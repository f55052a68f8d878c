package com.fincafacil.incident.rest;

import com.fincafacil.flags.domain.SemVer;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A body field holding a {@link SemVer} (MAJOR.MINOR.PATCH[-pre][+build], strictly as every module reads one); null passes. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SemanticVersion.Check.class)
public @interface SemanticVersion {

    String message() default "must be a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.3)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<SemanticVersion, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || SemVer.parse(value).isPresent();
        }
    }
}
