package com.fincafacil.local.incident;

import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * What {@code report}, {@code dora} and {@code incidents} share: the token ({@code --token} or
 * {@code FINCAFACIL_TOKEN}; a viewer's is enough), one GET to incident-service, and exit codes
 * as {@code ./fincafacil release} has them: 0 done, 2 bad input or no token, 3 service error,
 * 4 unknown, 5 unreachable, 6 token refused.
 */
abstract class IncidentVerb implements Callable<Integer> {

    static final int OK = 0;
    static final int BAD_INPUT = 2;
    static final int SERVICE_ERROR = 3;
    static final int UNKNOWN = 4;
    static final int UNREACHABLE = 5;
    static final int DENIED = 6;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token (default: $FINCAFACIL_TOKEN).")
    String token;

    private IncidentContext context;

    IncidentVerb() {
    }

    /** With a given incident-service and output (tests). */
    IncidentVerb(IncidentContext context) {
        this.context = context;
    }

    /** The path and query to GET, and what to print of a 2xx answer; returns the exit code. */
    abstract String path();

    abstract int print(String body, IncidentContext context);

    /** What to ask for: JSON or the service's Spanish text. */
    String accept() {
        return "application/json";
    }

    @Override
    public Integer call() throws InterruptedException {
        IncidentContext ctx = context != null ? context : IncidentContext.fromEnvironment();
        String bearer = token != null && !token.isBlank() ? token.trim() : ctx.environment().get(IncidentContext.TOKEN_VARIABLE);
        if (bearer == null || bearer.isBlank()) {
            ctx.err().println("No token: pass --token T, or export " + IncidentContext.TOKEN_VARIABLE + "=$(./fincafacil token --role viewer)");
            return BAD_INPUT;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(ctx.baseUrl() + path())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer.trim()).header("Accept", accept() + ", application/problem+json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            ctx.err().println("incident-service is not reachable at " + ctx.baseUrl() + ". Is the platform up? ./fincafacil status");
            return UNREACHABLE;
        }
        if (response.statusCode() >= 300) {
            return refused(response.statusCode(), response.body(), ctx);
        }
        return print(response.body(), ctx);
    }

    private static int refused(int status, String body, IncidentContext ctx) {
        String detail;
        try {
            JsonObject problem = new JsonObject(body);
            detail = problem.getString("detail", problem.getString("title", "HTTP " + status));
            if (problem.getString("field") != null) {
                detail = problem.getString("field") + ": " + detail;
            }
        } catch (RuntimeException notJson) {
            detail = "incident-service answered HTTP " + status + ".";
        }
        ctx.err().println(detail);
        return switch (status) {
            case 400, 422 -> BAD_INPUT;
            case 401, 403 -> {
                ctx.err().println("The token was refused. Mint one: export " + IncidentContext.TOKEN_VARIABLE + "=$(./fincafacil token --role viewer)");
                yield DENIED;
            }
            case 404 -> UNKNOWN;
            default -> SERVICE_ERROR;
        };
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
