package com.fincafacil.platformtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A service's operations as its live OpenAPI document states them: what the security and
 * bad-input campaigns are generated from, so a new endpoint cannot escape them.
 */
record OpenApiDocument(String service, String baseUrl, List<Operation> operations) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One parameter: {@code in} is path, query or header; {@code schema} has its references resolved. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation. {@code leastRole} is the operator role its security requirement names, null when
     * it has none (farm-app routes take an API key, OFREP is open); {@code body} the request body's
     * schema with references resolved, null when it takes none; an optional body may be left out.
     */
    record Operation(String service, String baseUrl, String method, String path, String leastRole,
                     List<Parameter> parameters, String mediaType, JsonNode body, boolean bodyRequired) {

        boolean takesBody() {
            return mediaType != null;
        }

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    /** Reads {@code documentUrl} (the service's {@code /q/openapi?format=json}, or the control API's {@code /openapi}). */
    static OpenApiDocument read(String service, String baseUrl, String documentUrl) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(documentUrl))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(documentUrl + " answered " + answer.statusCode());
        }
        JsonNode root = JSON.readTree(answer.body());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                operations.add(operation(root, service, baseUrl, op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        path.getValue().path("parameters"), op.getValue()));
            }
        }
        return new OpenApiDocument(service, baseUrl, List.copyOf(operations));
    }

    private static Operation operation(JsonNode root, String service, String baseUrl, String method, String path,
                                       JsonNode shared, JsonNode op) {
        // the least role: x-roles in the services' OpenAPI 3.0 documents, the bearer scopes in the control API's
        String role = op.path("x-roles").path(0).asText(null);
        for (JsonNode requirement : role == null ? op.path("security") : JSON.createArrayNode()) {
            for (JsonNode scopes : requirement) {
                if (scopes.size() > 0) {
                    role = scopes.get(0).asText();
                }
            }
        }
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(shared, op.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode resolved = resolve(root, p, 0);
                parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                        resolved.path("required").asBoolean(false), resolve(root, resolved.path("schema"), 0)));
            }
        }
        String mediaType = null;
        JsonNode body = null;
        JsonNode content = op.path("requestBody").path("content");
        if (content.isObject() && content.size() > 0) {
            mediaType = content.fieldNames().next();
            body = resolve(root, content.path(mediaType).path("schema"), 0);
        }
        return new Operation(service, baseUrl, method, path, role, List.copyOf(parameters), mediaType, body,
                op.path("requestBody").path("required").asBoolean(false));
    }

    /** A copy of {@code node} with every {@code $ref} replaced by what it names (a cycle is cut after a few references). */
    static JsonNode resolve(JsonNode root, JsonNode node, int depth) {
        if (depth > 8 || node == null) {
            return JSON.createObjectNode();
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode target = root.at(ref.substring(1));
            return resolve(root, target, depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(root, e.getValue(), depth)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(resolve(root, n, depth)));
            return copy;
        }
        return node;
    }
}
