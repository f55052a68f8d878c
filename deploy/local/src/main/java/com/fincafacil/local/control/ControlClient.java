package com.fincafacil.local.control;

import com.fincafacil.local.PlatformLayout;
import com.fincafacil.platform.OperatorTokens;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The CLI's side of the control API: mints itself an operator token with the local key and maps
 * answers to exit codes scripts can rely on.
 */
final class ControlClient {

    /** Exit codes of the control commands. */
    static final int OK = 0;
    static final int REFUSED = 1;      // 409: the current state forbids it (the answer says why); 403 faults_not_allowed
    static final int BAD_REQUEST = 2;  // 400, or bad usage
    static final int FAILED = 3;       // 5xx: the slot or migration failed, or timed out
    static final int NOT_FOUND = 4;    // 404: unknown slot or version
    static final int NOT_RUNNING = 5;  // the platform (its control API) is not running
    static final int DENIED = 6;       // 401/403

    record Answer(int status, String body) {
        int exitCode() {
            if (status < 300) {
                return OK;
            }
            return switch (status) {
                case 401 -> DENIED;
                case 403 -> "faults_not_allowed".equals(code()) ? REFUSED : DENIED;
                case 404 -> NOT_FOUND;
                case 409 -> REFUSED;
                case 400 -> BAD_REQUEST;
                default -> FAILED;
            };
        }

        JsonObject json() {
            return new JsonObject(body);
        }

        /** The problem's {@code code}, or null when the body is not a problem. */
        String code() {
            try {
                return json().getString("code");
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String token;

    ControlClient(PlatformLayout layout) throws IOException {
        this("http://127.0.0.1:" + layout.settings().port("control") + "/api/v1",
                OperatorTokens.inDirectory(layout.keys()).mint("local-cli", ControlApi.OPERATOR, Duration.ofMinutes(10)));
    }

    /** {@code baseUrl} ends in {@code /api/v1}. */
    ControlClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Answer send(String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (ConnectException e) {
            return null;
        }
    }

    /** Prints a refusal's detail (and the slot's log, if the answer has one) to stderr; returns the exit code. */
    static int report(Answer answer) {
        return report(answer, new PrintWriter(System.err, true));
    }

    static int report(Answer answer, PrintWriter err) {
        if (answer == null) {
            err.println("The platform is not running (no control API). Start it with ./fincafacil up.");
            return NOT_RUNNING;
        }
        if (answer.exitCode() != OK) {
            JsonObject problem = answer.json();
            err.println(problem.getString("detail", "HTTP " + answer.status()));
            JsonObject current = problem.getJsonObject("current");
            if (current != null && current.containsKey("log")) {
                err.println("Last lines of its log:");
                current.getJsonArray("log").forEach(line -> err.println("  " + line));
            } else if (current != null) {
                err.println("Current state: " + current.encode());
            }
        }
        return answer.exitCode();
    }
}
