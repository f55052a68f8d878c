package com.fincafacil.local.slots;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What survives {@code down} and {@code up}: the version deployed in each slot, its restart count,
 * and the active slot. Written whole to a temporary file and moved over the old one, so a crash
 * mid-write leaves the previous state.
 */
final class SlotState {

    record Deployed(String version, int restarts) {
    }

    private final Path file;
    private String active;
    private final Map<String, Deployed> slots = new LinkedHashMap<>();

    private SlotState(Path file) {
        this.file = file;
    }

    static SlotState load(Path file) throws IOException {
        SlotState state = new SlotState(file);
        if (Files.exists(file)) {
            JsonObject json = new JsonObject(Files.readString(file));
            state.active = json.getString("activeSlot");
            JsonObject slots = json.getJsonObject("slots", new JsonObject());
            for (String slot : slots.fieldNames()) {
                JsonObject s = slots.getJsonObject(slot);
                state.slots.put(slot, new Deployed(s.getString("version"), s.getInteger("restarts", 0)));
            }
        }
        return state;
    }

    boolean isEmpty() {
        return active == null && slots.isEmpty();
    }

    Optional<String> active() {
        return Optional.ofNullable(active);
    }

    Optional<Deployed> deployed(String slot) {
        return Optional.ofNullable(slots.get(slot));
    }

    Map<String, Deployed> allDeployed() {
        return Map.copyOf(slots);
    }

    void setActive(String slot) throws IOException {
        active = slot;
        save();
    }

    void setDeployed(String slot, Deployed deployed) throws IOException {
        if (deployed == null) {
            slots.remove(slot);
        } else {
            slots.put(slot, deployed);
        }
        save();
    }

    private void save() throws IOException {
        JsonObject all = new JsonObject();
        slots.forEach((slot, d) -> all.put(slot, new JsonObject().put("version", d.version()).put("restarts", d.restarts())));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, new JsonObject().put("activeSlot", active).put("slots", all).encodePrettily());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
