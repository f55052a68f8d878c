package com.fincafacil.commons.rest;

import com.fincafacil.commons.refusal.Refusal;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
        List<Refusal.Reason> found = BodyErrors.start();
        Object body;
        try {
            body = context.proceed();
        } catch (IOException | RuntimeException e) {
            Refusal last = BodyProblems.of(e instanceof jakarta.ws.rs.WebApplicationException w && w.getCause() != null ? w.getCause() : e);
            if (found.isEmpty() || last == null) {
                throw e;
            }
            List<Refusal.Reason> all = new ArrayList<>(found);
            all.addAll(last.reasons());
            throw Refusal.invalid(all);
        } finally {
            BodyErrors.stop();
        }
        if (!found.isEmpty()) {
            throw Refusal.invalid(found);
        }
        return body;
    }
}
