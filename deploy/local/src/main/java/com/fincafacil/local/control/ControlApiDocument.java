package com.fincafacil.local.control;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The control API's OpenAPI document ({@code control-api.openapi.json}), the contract of its verbs. */
final class ControlApiDocument {

    private final String json;
    private final Set<String> operations;

    private ControlApiDocument(String json, Set<String> operations) {
        this.json = json;
        this.operations = operations;
    }

    static ControlApiDocument load() {
        try (InputStream in = ControlApiDocument.class.getResourceAsStream("/control-api.openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("control-api.openapi.json is not on the launcher's class path");
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> operations = new TreeSet<>();
            JsonObject paths = new JsonObject(json).getJsonObject("paths");
            for (String path : paths.fieldNames()) {
                for (String method : paths.getJsonObject(path).fieldNames()) {
                    if (!method.equals("parameters")) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                    }
                }
            }
            return new ControlApiDocument(json, operations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String json() {
        return json;
    }

    /** Fails when a verb under /api/v1 is not in the document (Vert.x {@code :slot} is OpenAPI {@code {slot}}). */
    void requireEvery(List<Route> routes) {
        Set<String> missing = new TreeSet<>();
        for (Route route : routes) {
            String path = route.getPath();
            if (path == null || route.methods() == null || !path.startsWith("/api/v1/") || path.endsWith("*")) {
                continue;
            }
            String template = path.replaceAll(":(\\w+)", "{$1}");
            route.methods().forEach(m -> {
                String operation = m.name() + " " + template;
                if (!operations.contains(operation)) {
                    missing.add(operation);
                }
            });
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("control API verbs missing from control-api.openapi.json: " + missing);
        }
    }
}
