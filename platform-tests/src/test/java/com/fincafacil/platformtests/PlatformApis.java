package com.fincafacil.platformtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared platform's public APIs as their OpenAPI documents state them (the four services and
 * the launcher's control API), and small HTTP helpers the campaigns share.
 */
final class PlatformApis {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Routes open to anyone by design: OFREP flag evaluation for farm apps and SDKs. */
    static final List<String> PUBLIC_PREFIXES = List.of("/ofrep/");
    /** Farm-app routes: an API key of the finca, not an operator token. */
    static final String FARM_APP_PREFIX = "/api/v1/fincas/";

    private PlatformApis() {
    }

    /** Every document, farm-service's read through the traffic entry as farm apps reach it. */
    static List<OpenApiDocument> documents(RunningPlatform platform) throws IOException, InterruptedException {
        List<OpenApiDocument> documents = new ArrayList<>();
        // in a fixed order, so that the campaign's seed gives the same requests run after run
        Map<String, String> services = new java.util.LinkedHashMap<>();
        services.put("farm-service", "traffic");
        for (String service : List.of("flags-service", "release-service", "incident-service")) {
            services.put(service, service);
        }
        for (Map.Entry<String, String> service : services.entrySet()) {
            String base = platform.url(service.getValue());
            documents.add(OpenApiDocument.read(service.getKey(), base, base + "/q/openapi?format=json"));
        }
        String control = platform.url("control");
        documents.add(OpenApiDocument.read("control API", control, control + "/openapi"));
        return documents;
    }

    static List<OpenApiDocument.Operation> operations(List<OpenApiDocument> documents) {
        return documents.stream().flatMap(d -> d.operations().stream()).toList();
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    /** POSTs JSON with a bearer token and returns the answer's JSON, failing on any status but 2xx. */
    static JsonNode postJson(String url, String bearer, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(request(url).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
