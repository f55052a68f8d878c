package com.fincafacil.local.artifact;

import io.vertx.core.json.JsonObject;

/** One Flyway migration an artifact ships: {@code V4__outbox_delete_on_publish.sql}. */
public record Migration(String version, String description, String script, int checksum) {

    JsonObject toJson() {
        return new JsonObject().put("version", version).put("description", description)
                .put("script", script).put("checksum", checksum);
    }

    static Migration fromJson(JsonObject json) {
        return new Migration(json.getString("version"), json.getString("description"),
                json.getString("script"), json.getInteger("checksum"));
    }
}
