package com.fincafacil.local.release;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * release-service's release API as the CLI uses it: every call carries the bearer token, and any
 * answer but a 2xx is told on stderr and thrown as a {@link Failed} carrying the exit code.
 */
final class ReleaseClient {

    static final String RELEASES = "/api/v1/releases";
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The command cannot go on; what went wrong is already on stderr. */
    static final class Failed extends Exception {
        final int exitCode;

        Failed(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ReleaseContext context;
    private final String token;
    private final String role;

    /** {@code role} is the one the verb needs, named in the hint when the token is refused. */
    ReleaseClient(ReleaseContext context, String token, String role) {
        this.context = context;
        this.token = token;
        this.role = role;
    }

    /** The answer's body, when release-service answered 2xx. */
    String send(String method, String path, JsonObject body) throws Failed, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(context.baseUrl() + path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            context.err().println("release-service is not reachable at " + context.baseUrl() + " (" + describe(e)
                    + "). Is the platform up? ./fincafacil status");
            throw new Failed(ReleaseExit.UNREACHABLE);
        }
        if (response.statusCode() >= 300) {
            throw new Failed(ReleaseExit.report(response.statusCode(), response.body(), role, context.err()));
        }
        return response.body();
    }

    JsonObject get(String id) throws Failed, InterruptedException {
        return new JsonObject(send("GET", RELEASES + "/" + id, null));
    }

    JsonObject post(String id, String verb, JsonObject body) throws Failed, InterruptedException {
        return new JsonObject(send("POST", RELEASES + "/" + id + "/" + verb, body));
    }

    /** A release's id from its id or its version (looked up in the list); a version nobody planned is exit 4. */
    String resolve(String idOrVersion) throws Failed, InterruptedException {
        if (ID.matcher(idOrVersion).matches()) {
            return idOrVersion.toLowerCase(java.util.Locale.ROOT);
        }
        for (Object o : new JsonArray(send("GET", RELEASES, null))) {
            if (o instanceof JsonObject r && idOrVersion.equals(r.getString("version")) && r.getString("id") != null) {
                return r.getString("id");
            }
        }
        context.err().println("No release has version " + idOrVersion + " (./fincafacil release list shows them).");
        throw new Failed(ReleaseExit.UNKNOWN);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
