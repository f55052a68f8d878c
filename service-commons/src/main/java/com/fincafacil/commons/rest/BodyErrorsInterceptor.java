package com.fincafacil.commons.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;

/**
 * Reads a JSON body to its end noting every problem ({@link BodyErrors}) and refuses it once,
 * listing them all in {@code errors[]}. A body the parser cannot go on reading (malformed JSON)
 * stops there and says where, after the problems noted before it.
 */
@Provider
public class BodyErrorsInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return context.proceed();
        }
        return JsonBodies.collecting(context::proceed);
    }
}
