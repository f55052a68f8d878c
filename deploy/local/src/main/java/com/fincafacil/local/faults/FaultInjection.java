package com.fincafacil.local.faults;

import com.fincafacil.local.PlatformLayout;
import com.fincafacil.local.entry.EntryProcess;
import com.fincafacil.local.slots.Refusal;
import com.fincafacil.local.slots.SlotManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The control API's fault verbs: abort and delay faults live in the traffic entry (this passes
 * them on, refusals included), freezes in the launcher ({@link com.fincafacil.local.slots.SlotFreezer}),
 * a stopped Kafka broker too ({@link BrokerOutage}), and a crashed service ({@link ServiceCrash}), at once
 * or armed on a control verb ({@link ArmedCrashes}).
 * Every verb is refused with 403 {@code faults_not_allowed} unless the platform was started with
 * {@code --allow-faults}.
 */
public final class FaultInjection {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final boolean allowed;
    private final EntryProcess entry;
    private final SlotManager slots;
    private final BrokerOutage broker;
    private final ServiceCrash crash;
    private final ArmedCrashes armed;

    public FaultInjection(boolean allowed, EntryProcess entry, SlotManager slots, BrokerOutage broker, ServiceCrash crash) {
        this.allowed = allowed;
        this.entry = entry;
        this.slots = slots;
        this.broker = broker;
        this.crash = crash;
        this.armed = new ArmedCrashes(crash);
    }

    /** Before the control API carries out {@code verb}: fires a crash armed on it (503 to the caller). */
    public void before(ArmedCrashes.Verb verb) throws Refusal {
        armed.before(verb);
    }

    /** The entry's faults, then the frozen slots, then a stopped broker, then the armed crashes. */
    public JsonArray list() throws Refusal, InterruptedException {
        requireAllowed();
        JsonArray all = new JsonArray(entry("GET", "/faults", null));
        slots.freezes().list().forEach(all::add);
        broker.list().forEach(all::add);
        armed.list().forEach(all::add);
        return all;
    }

    public JsonObject add(String body) throws Refusal, IOException, InterruptedException {
        requireAllowed();
        FaultRequest request = FaultRequest.parse(body, PlatformLayout.SLOTS, crash.services(), EnumSet.allOf(FaultRequest.Kind.class));
        if (request.kind() == FaultRequest.Kind.CRASH) {
            return request.on() == null ? crash.crash(request.service()) : armed.arm(request.service(), request.on());
        }
        if (request.kind() == FaultRequest.Kind.FREEZE) {
            return slots.freeze(request.slot(), Duration.ofSeconds(request.durationSeconds()));
        }
        if (request.kind() == FaultRequest.Kind.KAFKA) {
            return broker.stop(Duration.ofSeconds(request.durationSeconds()));
        }
        return new JsonObject(entry("POST", "/faults", body));
    }

    /** Thaws the freeze, starts the broker again or removes the entry fault {@code id}; 404 naming {@code id} when there is none. */
    public JsonObject remove(String id) throws Refusal, InterruptedException {
        requireAllowed();
        Optional<JsonObject> thawed = slots.freezes().thaw(id);
        if (thawed.isPresent()) {
            return thawed.get();
        }
        Optional<JsonObject> restarted = broker.end(id);
        if (restarted.isPresent()) {
            return restarted.get();
        }
        Optional<JsonObject> disarmed = armed.remove(id);
        if (disarmed.isPresent()) {
            return disarmed.get();
        }
        if (!ID.matcher(id).matches()) {
            throw Refusal.notFound("id", "unknown_fault", "No fault '" + id + "' in force.");
        }
        return new JsonObject(entry("DELETE", "/faults/" + id, null));
    }

    /** Removes every entry fault and thaws every slot: {@code {"removed": [...]}}. */
    public JsonObject clear() throws Refusal, InterruptedException {
        requireAllowed();
        JsonArray removed = new JsonObject(entry("DELETE", "/faults", null)).getJsonArray("removed");
        slots.freezes().thawAll().forEach(removed::add);
        broker.endAll().forEach(removed::add);
        armed.removeAll().forEach(removed::add);
        return new JsonObject().put("removed", removed);
    }

    private void requireAllowed() throws Refusal {
        if (!allowed) {
            throw new Refusal(403, "faults_not_allowed", "Fault injection is off. Start the platform with "
                    + "./fincafacil up --allow-faults to inject faults.", null);
        }
    }

    /** The entry's answer body when it is a success; its refusal, passed on, otherwise. */
    private String entry(String method, String path, String body) throws Refusal, InterruptedException {
        EntryProcess.Answer answer;
        try {
            answer = entry.faults(method, path, body);
        } catch (IOException e) {
            throw new Refusal(502, "entry_unreachable", "The traffic entry did not answer: " + e.getMessage(), null);
        }
        if (answer.status() >= 300) {
            JsonObject problem = problem(answer.body());
            throw Refusal.of(answer.status(), problem.getString("code", "entry_refused"),
                    problem.getString("detail", "The traffic entry answered " + answer.status() + "."), problem.getString("field"));
        }
        return answer.body();
    }

    private static JsonObject problem(String body) {
        try {
            return new JsonObject(body);
        } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
            return new JsonObject();
        }
    }
}
