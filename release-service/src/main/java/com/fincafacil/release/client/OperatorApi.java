package com.fincafacil.release.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.rest.Problem;
import com.fincafacil.release.config.ReleaseConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The console's calls to flags-service and incident-service, made with the signed-in operator's
 * own token so those services apply their own roles and audit the operator, not release-service.
 * An answer is its status, its body (JSON as maps and lists, or text), its ETag, and a problem
 * when it is one; a service that does not answer is a 503 problem, never an exception.
 */
@ApplicationScoped
public class OperatorApi {

    /** One service's answer. */
    public record Answer(int status, Object body, String etag, Problem problem) {
        public boolean ok() {
            return status < 300;
        }
    }

    /** The signed-in operator: the token the call carries and the language ({@code es}/{@code en}) it asks for. */
    public record Caller(String token, String language) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json;
    private final ReleaseConfig config;

    public OperatorApi(ObjectMapper json, ReleaseConfig config) {
        this.json = json;
        this.config = config;
    }

    public Answer flags(Caller caller, String method, String path, Map<String, Object> body, String ifMatch) {
        return call(config.console().flagsUrl(), caller, method, path, body, ifMatch);
    }

    public Answer incidents(Caller caller, String path) {
        return call(config.console().incidentUrl(), caller, "GET", path, null, null);
    }

    private Answer call(String base, Caller caller, String method, String path, Map<String, Object> body, String ifMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(config.console().callTimeout())
                    .header("Authorization", "Bearer " + caller.token()).header("Accept-Language", caller.language())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            Object parsed = type.contains("json") && !response.body().isBlank() ? json.readValue(response.body(), Object.class) : response.body();
            Problem problem = type.startsWith(Problem.MEDIA_TYPE) ? json.readValue(response.body(), Problem.class)
                    : response.statusCode() >= 300 ? Problem.of(response.statusCode(), "", null) : null;
            return new Answer(response.statusCode(), parsed, response.headers().firstValue("ETag").orElse(null), problem);
        } catch (IOException e) {
            return unavailable(base);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(base);
        }
    }

    /** The console says "did not answer" in the operator's language ({@code problem_service_unavailable}); the detail is the address. */
    private static Answer unavailable(String base) {
        return new Answer(503, null, null, Problem.coded(503, "service_unavailable", "Unavailable", base, null));
    }
}
