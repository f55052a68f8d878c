package com.fincafacil.commons.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Rules every request to a matched route of every service follows, checked once before the
 * route runs, so no route has to remember them:
 * <ul>
 *   <li>path and query parameters are UTF-8 without NUL (PostgreSQL cannot compare NUL, and a
 *       malformed sequence would silently become U+FFFD and match nothing): 400 naming it;</li>
 *   <li>a typed query parameter (a number, a true/false) given with no value is 400, not its default;</li>
 *   <li>a body is read only in a media type the route consumes: application/json unless it says
 *       otherwise (415).</li>
 * </ul>
 */
public class RequestRules {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        // the raw (still percent-encoded) text: decoding would already have hidden a malformed sequence
        String rawPath = request.getUriInfo().getRequestUri().getRawPath();
        String pathProblem = rawPath == null ? null : problem(rawPath);
        if (pathProblem != null) {
            String name = request.getUriInfo().getPathParameters().entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0 || v.indexOf('\uFFFD') >= 0))
                    .map(Map.Entry::getKey).findFirst().orElse("path");
            throw new InvalidParameterException(name, name + pathProblem, variant(pathProblem), null);
        }
        Map<String, List<String>> query = cleanQuery(request.getUriInfo().getRequestUri().getRawQuery());
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        requireTypedValues(method, query);
        if (request.getLength() != 0 && request.getMediaType() != null && readsBody(method)) {
            Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class)
                    : resource.getResourceClass().getAnnotation(Consumes.class);
            List<String> accepted = consumes == null ? List.of(MediaType.APPLICATION_JSON) : List.of(consumes.value());
            if (accepted.stream().map(MediaType::valueOf).noneMatch(m -> m.isCompatible(request.getMediaType()))) {
                throw new NotSupportedException();
            }
        }
    }

    /**
     * The query's parameters by decoded name (values still encoded), after checking that every name
     * and value is UTF-8 without NUL; public for routes served outside JAX-RS ({@link PlainRoute}).
     *
     * @throws InvalidParameterException naming the first parameter that is not
     */
    public static Map<String, List<String>> cleanQuery(String rawQuery) {
        Map<String, List<String>> query = new java.util.HashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            String nameProblem = problem(name);
            String wrong = nameProblem != null ? nameProblem : problem(value);
            if (wrong != null) {
                String shown = nameProblem == null ? new String(percentDecoded(name), StandardCharsets.UTF_8) : "a query parameter";
                throw new InvalidParameterException(shown, shown + wrong, variant(wrong), null);
            }
            query.computeIfAbsent(new String(percentDecoded(name.replace('+', ' ')), StandardCharsets.UTF_8), k -> new java.util.ArrayList<>())
                    .add(value);
        }
        return query;
    }

    /** The key of the words in other languages for what {@link #problem} found. */
    private static String variant(String problem) {
        return problem.contains("NUL") ? "nul" : "not_utf8";
    }

    /** Why {@code raw} (percent-encoded, as sent) is not clean text, or null when it is. */
    static String problem(String raw) {
        byte[] bytes = percentDecoded(raw);
        for (byte b : bytes) {
            if (b == 0) {
                return " contains a NUL character.";
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return null;
        } catch (CharacterCodingException e) {
            return " is not valid UTF-8 text.";
        }
    }

    /** True when one of the method's parameters is the request body (one JAX-RS does not fill from the request's parts). */
    private static boolean readsBody(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            boolean injected = java.util.Arrays.stream(annotations[i]).map(a -> a.annotationType().getPackageName())
                    .anyMatch(p -> p.startsWith("jakarta.ws.rs") || p.startsWith("org.jboss.resteasy.reactive"));
            String typePackage = types[i].getPackageName();
            boolean context = typePackage.startsWith("jakarta.ws.rs") || typePackage.startsWith("io.vertx")
                    || typePackage.startsWith("org.jboss.resteasy") || typePackage.startsWith("io.quarkus");
            if (!injected && !context) {
                return true;
            }
        }
        return false;
    }

    private static void requireTypedValues(Method method, Map<String, List<String>> query) {
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof QueryParam q && types[i] != String.class && query.containsKey(q.value())
                        && query.get(q.value()).stream().anyMatch(String::isBlank)) {
                    throw new InvalidParameterException(q.value(), q.value() + " needs a value (or leave it out).", "empty", null);
                }
            }
        }
    }

    private static byte[] percentDecoded(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 3;
            } else {
                int codePoint = raw.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i += Character.charCount(codePoint);
            }
        }
        return out.toByteArray();
    }
}
