package com.fincafacil.local;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The farm key the platform keeps for release smoke tests: a finca of its own and an API key for
 * it, created through farm-service's admin API the first time the platform is up and kept in
 * {@code FINCAFACIL_HOME/smoke-key.json} ({@code {fincaId, apiKey}}). release-service reads one
 * farm page with it through a new slot's own address before any traffic goes there.
 */
final class SmokeKey {

    static final String FILE = "smoke-key.json";

    private SmokeKey() {
    }

    /** Creates the key through {@code farmUrl} unless the home has one already. */
    static void ensure(Path home, String farmUrl, Supplier<String> operatorToken) throws IOException, InterruptedException {
        Path file = home.resolve(FILE);
        if (Files.isRegularFile(file)) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonObject finca = post(http, farmUrl + "/api/v1/admin/fincas", operatorToken.get(), new JsonObject()
                .put("name", "FincaFácil smoke test").put("department", "Cundinamarca").put("municipality", "Bogotá")
                .put("deploymentLevel", "piloto"));
        JsonObject key = post(http, farmUrl + "/api/v1/admin/fincas/" + finca.getString("id") + "/api-keys", operatorToken.get(),
                new JsonObject().put("label", "release smoke tests"));
        Path staged = Files.writeString(home.resolve(FILE + ".tmp"), new JsonObject().put("fincaId", finca.getString("id"))
                .put("apiKey", key.getString("key")).encodePrettily());
        Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rw-------"));
        Files.move(staged, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static JsonObject post(HttpClient http, String url, String token, JsonObject body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IOException("creating the smoke-test key: " + url + " answered " + r.statusCode() + " " + r.body());
        }
        return new JsonObject(r.body());
    }
}
