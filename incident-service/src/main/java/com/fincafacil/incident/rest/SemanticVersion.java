package com.fincafacil.incident.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.semver4j.Semver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A strict semantic version (MAJOR.MINOR.PATCH[-pre][+build]), read as release-service reads one; null passes. */
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
            return value == null || isSemver(value);
        }

        static boolean isSemver(String value) {
            return Semver.parse(value) != null;
        }
    }
}
