package com.fincafacil.local.artifact;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * A stored farm-service build: its version label, content checksum (the build's, with its extra
 * migrations when it has some), the checksum of the build alone ({@code build}: where its
 * {@code quarkus-app} is kept, shared by every label stored from it; null in a store written before
 * builds were shared), and the migrations it ships.
 */
public record Artifact(String version, String sha256, Instant storedAt, String source, List<Migration> migrations,
                       String build) {

    public JsonObject toJson() {
        JsonArray list = new JsonArray();
        migrations.forEach(m -> list.add(m.toJson()));
        return new JsonObject().put("version", version).put("sha256", sha256).put("storedAt", storedAt.toString())
                .put("source", source).put("migrations", list).put("build", build);
    }

    static Artifact fromJson(JsonObject json) {
        List<Migration> migrations = json.getJsonArray("migrations").stream()
                .map(o -> Migration.fromJson((JsonObject) o)).toList();
        return new Artifact(json.getString("version"), json.getString("sha256"),
                Instant.parse(json.getString("storedAt")), json.getString("source"), migrations, json.getString("build"));
    }

    /** The highest migration version it ships, or "0" when it ships none. */
    public String schemaVersion() {
        return migrations.isEmpty() ? "0" : migrations.get(migrations.size() - 1).version();
    }
}
