package com.fincafacil.local.faults;

import com.fincafacil.local.slots.Refusal;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Crashes armed on a control verb ({@code crash} with {@code on}): the service is killed the next
 * time anyone asks the control API for that verb, before the launcher does any of it. A release
 * step is then interrupted at a known point however short it is, where a crash timed from outside
 * would have to catch it. Each fires once and stays listed, fired, until removed.
 */
public final class ArmedCrashes {

    /** The control verbs a crash can be armed on: the farm database's migration, a slot deploy, a traffic switch. */
    public enum Verb {
        MIGRATION("the farm database's migration"), DEPLOY("a slot deploy"), SWITCH("a traffic switch");

        private final String words;

        Verb(String words) {
            this.words = words;
        }

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Verb> of(String json) {
            for (Verb verb : values()) {
                if (verb.json().equals(json)) {
                    return Optional.of(verb);
                }
            }
            return Optional.empty();
        }
    }

    private final ServiceCrash crash;
    private final List<Armed> armed = new ArrayList<>();

    public ArmedCrashes(ServiceCrash crash) {
        this.crash = crash;
    }

    /** Arms a crash of {@code service} on {@code verb}: {@code {id, kind, service, on, fired: false, createdAt}}. */
    public synchronized JsonObject arm(String service, Verb verb) {
        Armed a = new Armed(Fault.newId(), service, verb, Instant.now());
        armed.add(a);
        return a.toJson();
    }

    /**
     * Called by the control API before it carries out {@code verb}: when a crash is armed on it, the
     * service is killed and the caller refused with 503 (a caller that was the killed service never reads it).
     */
    public void before(Verb verb) throws Refusal {
        Armed fired;
        synchronized (this) {
            fired = armed.stream().filter(a -> a.on == verb && a.firedAt == null).findFirst().orElse(null);
            if (fired == null) {
                return;
            }
            fired.firedAt = Instant.now();
        }
        try {
            fired.pid = crash.crash(fired.service).getLong("pid");
        } catch (Refusal notRunning) {
            // down or starting again: the caller was not that service; it stays armed for the next request
            fired.firedAt = null;
            return;
        }
        throw new Refusal(503, "crashed_by_fault", "Fault " + fired.id + " crashed " + fired.service + " when " + verb.words
                + " was asked for; nothing was done.", null);
    }

    public synchronized List<JsonObject> list() {
        return armed.stream().map(Armed::toJson).toList();
    }

    public synchronized Optional<JsonObject> remove(String id) {
        Optional<Armed> found = armed.stream().filter(a -> a.id.equals(id)).findFirst();
        found.ifPresent(armed::remove);
        return found.map(Armed::toJson);
    }

    public synchronized List<JsonObject> removeAll() {
        List<JsonObject> removed = list();
        armed.clear();
        return removed;
    }

    private static final class Armed {
        final String id;
        final String service;
        final Verb on;
        final Instant createdAt;
        volatile Instant firedAt;
        volatile Long pid;

        Armed(String id, String service, Verb on, Instant createdAt) {
            this.id = id;
            this.service = service;
            this.on = on;
            this.createdAt = createdAt;
        }

        JsonObject toJson() {
            // fired once the kill is done (firedAt alone marks a kill under way)
            JsonObject json = new JsonObject().put("id", id).put("kind", "crash").put("service", service).put("on", on.json())
                    .put("fired", pid != null).put("createdAt", createdAt.toString());
            if (pid != null) {
                json.put("firedAt", firedAt.toString()).put("pid", pid);
            }
            return json;
        }
    }
}
