package com.fincafacil.local.drill;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP to release-service and the control API, with an operator token; a refusal is an exception with the problem's detail. */
final class DrillHttp {

    /** A 4xx or 5xx answer. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String token;

    DrillHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    JsonObject get(String path) throws Refused, IOException, InterruptedException {
        return new JsonObject(send("GET", path, null));
    }

    io.vertx.core.json.JsonArray list(String path) throws Refused, IOException, InterruptedException {
        return new io.vertx.core.json.JsonArray(send("GET", path, null));
    }

    JsonObject post(String path, JsonObject body) throws Refused, IOException, InterruptedException {
        return new JsonObject(send("POST", path, body));
    }

    String delete(String path) throws Refused, IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    /** Whether anything answers at the base address. */
    boolean reachable() {
        try {
            http.send(HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String send(String method, String path, JsonObject body) throws Refused, IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            String detail;
            try {
                detail = new JsonObject(response.body()).getString("detail", response.body());
            } catch (RuntimeException notJson) {
                detail = response.body();
            }
            throw new Refused(response.statusCode(), method + " " + path + ": " + response.statusCode() + " " + detail);
        }
        return response.body() == null || response.body().isBlank() ? "{}" : response.body();
    }
}
