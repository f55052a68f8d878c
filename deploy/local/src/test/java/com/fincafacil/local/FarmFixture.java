package com.fincafacil.local;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A finca and its farm-app API key, created through the traffic entry as an operator would. */
record FarmFixture(String fincaId, String apiKey) {

    static FarmFixture create(String entryUrl, String operatorToken) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonObject finca = post(http, entryUrl + "/api/v1/admin/fincas", operatorToken, new JsonObject()
                .put("name", "Finca de prueba").put("department", "Córdoba").put("municipality", "Montería")
                .put("deploymentLevel", "piloto"));
        String fincaId = finca.getString("id");
        JsonObject key = post(http, entryUrl + "/api/v1/admin/fincas/" + fincaId + "/api-keys", operatorToken, new JsonObject());
        return new FarmFixture(fincaId, key.getString("key"));
    }

    private static JsonObject post(HttpClient http, String url, String token, JsonObject body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body());
    }
}
