package com.fincafacil.commons.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a route that a bean serves as a plain Vert.x route rather than through JAX-RS, so
 * {@link KnownRoutes} knows it like the others: a wrong method there is still a 405 naming the
 * method it takes, and its body gets the size limit its media types call for.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PlainRoute {

    String method();

    String path();

    /** The media types it reads, as a JAX-RS {@code @Consumes} would list them. */
    String[] consumes() default {};
}
