package com.fincafacil.release.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.release.domain.deployment.DeploymentTarget;
import com.fincafacil.release.domain.deployment.MigrationRun;
import com.fincafacil.release.domain.deployment.SlotStatus;
import com.fincafacil.release.domain.deployment.TargetRefusal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local target: the launcher's control API ({@code docs/local-platform.md}), which waits for
 * readiness and migrations itself and answers refusals as problem+json with a stable code.
 */
public final class LauncherTarget implements DeploymentTarget {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json;
    private final String baseUrl;
    private final String token;
    private final Duration timeout;

    /** {@code timeout}: the longest a verb may take (a deploy waits for readiness, a migration for its run). */
    public LauncherTarget(ObjectMapper json, String baseUrl, String token, Duration timeout) {
        this.json = json;
        this.baseUrl = baseUrl.replaceAll("/+$", "") + "/api/v1";
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public List<SlotStatus> slots() {
        List<SlotStatus> slots = new ArrayList<>();
        call("GET", "/slots", null).forEach(s -> slots.add(slot(s)));
        return slots;
    }

    @Override
    public Optional<String> activeSlot() {
        JsonNode active = call("GET", "/traffic", null).path("activeSlot");
        return active.isTextual() ? Optional.of(active.asText()) : Optional.empty();
    }

    @Override
    public SlotStatus deploy(String slot, String version, String artifact) {
        return slot(call("PUT", "/slots/" + slot, json.createObjectNode().put("version", artifact)));
    }

    @Override
    public SlotStatus stop(String slot) {
        return slot(call("DELETE", "/slots/" + slot, null));
    }

    @Override
    public void switchTo(String slot) {
        call("PUT", "/traffic", json.createObjectNode().put("slot", slot));
    }

    @Override
    public MigrationRun migrate(String version, String artifact, String database) {
        ObjectNode body = json.createObjectNode().put("version", artifact);
        if (database != null) {
            body.put("database", database);
        }
        JsonNode run = call("POST", "/migrations", body);
        return new MigrationRun(version, true, strings(run.path("applied")),
                Duration.ofMillis(run.path("durationMs").asLong()), strings(run.path("log")));
    }

    /** The launcher's artifact store keeps a label's contents for good. */
    @Override
    public boolean immutable(String artifact) {
        return true;
    }

    /** The earliest fault on {@code slot} the entry lists; none when faults are not allowed or none is active. */
    @Override
    public Optional<java.time.Instant> faultInjectedSince(String slot) {
        try {
            java.time.Instant earliest = null;
            for (JsonNode fault : call("GET", "/faults", null)) {
                if (slot.equals(fault.path("slot").asText()) && fault.hasNonNull("createdAt")) {
                    java.time.Instant at = java.time.Instant.parse(fault.path("createdAt").asText());
                    earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
                }
            }
            return Optional.ofNullable(earliest);
        } catch (TargetRefusal | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static SlotStatus slot(JsonNode s) {
        return new SlotStatus(s.path("name").asText(), s.path("version").textValue(), s.path("version").textValue(),
                s.path("active").asBoolean(), s.path("ready").asBoolean(), s.path("state").asText(), s.path("url").asText(),
                s.path("startedAt").isTextual() ? java.time.Instant.parse(s.path("startedAt").asText()) : null);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private JsonNode call(String method, String path, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TargetRefusal(TargetRefusal.Kind.UNREACHABLE, "the launcher's control API at " + baseUrl
                    + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetRefusal(TargetRefusal.Kind.UNREACHABLE, "interrupted while calling the launcher");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() < 300) {
            return answer;
        }
        throw refusal(response.statusCode(), answer);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode().put("detail", "the launcher answered something that is not JSON ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
    }

    private static TargetRefusal refusal(int status, JsonNode problem) {
        TargetRefusal.Kind kind = switch (status) {
            case 404 -> TargetRefusal.Kind.NOT_FOUND;
            case 409 -> TargetRefusal.Kind.CONFLICT;
            case 504 -> TargetRefusal.Kind.TIMED_OUT;
            case 401, 403 -> TargetRefusal.Kind.UNREACHABLE;
            default -> TargetRefusal.Kind.FAILED;
        };
        String detail = problem.path("detail").asText("the launcher answered HTTP " + status);
        return new TargetRefusal(kind, detail, strings(problem.path("current").path("log")));
    }
}
