package com.fincafacil.commons.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fincafacil.commons.refusal.Refusal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets the JSON reader go on past a bad value so that a refused body lists every problem at once:
 * while a request body is read ({@link BodyErrorsInterceptor}), a value of the wrong format or type,
 * an unknown enum value, an unknown field or a NUL is noted with its path and read as null, and
 * the body is refused once it has been read whole. Outside a request body Jackson fails as usual.
 */
final class BodyErrors extends DeserializationProblemHandler {

    private static final ThreadLocal<List<Refusal.Reason>> FOUND = new ThreadLocal<>();

    /** Starts noting problems on this thread; the list fills while the body is read. */
    static List<Refusal.Reason> start() {
        List<Refusal.Reason> found = new ArrayList<>();
        FOUND.set(found);
        return found;
    }

    static void stop() {
        FOUND.remove();
    }

    /** Notes a problem if a body is being read; false when nobody collects (then the caller fails as usual). */
    static boolean note(Refusal.Reason reason) {
        List<Refusal.Reason> found = FOUND.get();
        if (found == null) {
            return false;
        }
        found.add(reason);
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
        return note(BodyProblems.badValue(path(ctxt.getParser()), targetType)) ? null : NOT_HANDLED;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
        return note(BodyProblems.badValue(path(ctxt.getParser()), targetType)) ? null : NOT_HANDLED;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token, JsonParser p,
                                        String failureMsg) throws IOException {
        String field = path(p);
        // a body of the wrong shape as a whole is not a field's problem: the usual refusal says so
        if (field.isEmpty() || !note(new Refusal.Reason(field, "wrong_type", null))) {
            return NOT_HANDLED;
        }
        p.skipChildren();
        return null;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        String parent = path(p.getParsingContext().getParent());
        String field = parent.isEmpty() ? propertyName : parent + "." + propertyName;
        if (!note(new Refusal.Reason(field, "unknown_field", null))) {
            return false;
        }
        p.skipChildren();
        return true;
    }

    /** The value's path in the body: {@code calf.earTag}, {@code changes[2].title}. */
    static String path(JsonParser p) {
        return path(p.getParsingContext());
    }

    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }
}
