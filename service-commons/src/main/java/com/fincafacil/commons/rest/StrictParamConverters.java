package com.fincafacil.commons.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.function.Function;

/**
 * Whole numbers and booleans in query and header parameters, read strictly and refused by name.
 * JAX-RS would answer a 404 for {@code size=abc} and read {@code acknowledged=yes} as false;
 * both are a client's mistake that deserves a 400 saying which parameter is wrong.
 * Path parameters keep the JAX-RS rule: a malformed one names no resource (404).
 */
@Provider
public class StrictParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Strict<>(name, text -> (int) whole(name, text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new Strict<>(name, text -> whole(name, text, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (rawType == boolean.class || rawType == Boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, text -> bool(name, text));
        }
        return null;
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }

    static long whole(String name, String text, long min, long max) {
        String trimmed = text.trim();
        if (!trimmed.matches("[+-]?\\d+")) {
            throw new InvalidParameterException(name, name + " must be a whole number (found '" + shown(text) + "').", "whole_number", shown(text));
        }
        try {
            long value = Long.parseLong(trimmed);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException tooLong) {
            // falls through to the out-of-range answer
        }
        throw new InvalidParameterException(name, name + " is out of range (found '" + shown(text) + "').", "out_of_range", shown(text));
    }

    static boolean bool(String name, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(name, name + " must be true or false (found '" + shown(text) + "').", "boolean", shown(text));
        };
    }

    /** Echoes the client's text, cut short: an answer must not grow with whatever was sent. */
    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private record Strict<T>(String name, Function<String, T> parse) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            return value == null ? null : parse.apply(value);
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
