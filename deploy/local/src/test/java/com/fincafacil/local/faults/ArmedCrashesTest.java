package com.fincafacil.local.faults;

import com.fincafacil.local.slots.Refusal;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArmedCrashesTest {

    /** Records the kills instead of killing: the supervisor's own kill is ServiceSupervisorTest's. */
    private final List<String> killed = new ArrayList<>();
    private boolean running = true;
    private final ArmedCrashes armed = new ArmedCrashes(new ServiceCrash() {
        @Override
        public List<String> services() {
            return List.of("release-service");
        }

        @Override
        public JsonObject crash(String service) throws Refusal {
            if (!running) {
                throw Refusal.conflict("service_not_running", service + " is not running", new JsonObject());
            }
            killed.add(service);
            return new JsonObject().put("pid", 4242L);
        }
    });

    @Test
    void an_armed_crash_fires_once_on_its_verb_and_only_there() throws Refusal {
        String id = armed.arm("release-service", ArmedCrashes.Verb.DEPLOY).getString("id");

        assertDoesNotThrow(() -> armed.before(ArmedCrashes.Verb.MIGRATION));
        assertDoesNotThrow(() -> armed.before(ArmedCrashes.Verb.SWITCH));
        assertEquals(List.of(), killed);
        assertFalse(armed.list().get(0).getBoolean("fired"));

        Refusal refused = assertThrows(Refusal.class, () -> armed.before(ArmedCrashes.Verb.DEPLOY));
        assertEquals(503, refused.status());
        assertEquals("crashed_by_fault", refused.code());
        assertEquals(List.of("release-service"), killed);
        JsonObject fired = armed.list().get(0);
        assertTrue(fired.getBoolean("fired"));
        assertEquals(4242L, fired.getLong("pid"));
        assertEquals("deploy", fired.getString("on"));

        // the restarted service asks again: this time the deploy goes ahead
        assertDoesNotThrow(() -> armed.before(ArmedCrashes.Verb.DEPLOY));
        assertEquals(1, killed.size());
        assertEquals(id, armed.remove(id).orElseThrow().getString("id"));
        assertTrue(armed.list().isEmpty());
    }

    @Test
    void while_the_service_is_down_the_verb_goes_ahead_and_the_crash_stays_armed() throws Refusal {
        armed.arm("release-service", ArmedCrashes.Verb.SWITCH);
        running = false;
        assertDoesNotThrow(() -> armed.before(ArmedCrashes.Verb.SWITCH));
        assertFalse(armed.list().get(0).getBoolean("fired"));
        running = true;
        assertEquals(503, assertThrows(Refusal.class, () -> armed.before(ArmedCrashes.Verb.SWITCH)).status());
        assertEquals(List.of("release-service"), killed);
    }

    @Test
    void a_crash_request_names_its_verb_or_is_refused_naming_on() throws Refusal {
        String body = "{\"kind\":\"crash\",\"service\":\"release-service\",\"on\":\"switch\"}";
        FaultRequest request = FaultRequest.parse(body, List.of("blue", "green"), List.of("release-service"), Set.of(FaultRequest.Kind.CRASH));
        assertEquals(ArmedCrashes.Verb.SWITCH, request.on());
        Refusal refused = assertThrows(Refusal.class, () -> FaultRequest.parse(body.replace("switch", "lunch"),
                List.of("blue", "green"), List.of("release-service"), Set.of(FaultRequest.Kind.CRASH)));
        assertEquals(400, refused.status());
        assertEquals("on", refused.field());
        assertTrue(refused.getMessage().contains("[migration, deploy, switch]"), refused.getMessage());
    }
}
