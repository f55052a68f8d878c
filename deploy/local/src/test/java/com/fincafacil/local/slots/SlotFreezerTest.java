package com.fincafacil.local.slots;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kill -STOP and kill -CONT on a real process, read back from /proc: frozen until the expiry, a thaw, one freeze per slot. */
class SlotFreezerTest {

    private Process sleeper;
    private SlotFreezer freezer;

    @BeforeEach
    void start() throws Exception {
        sleeper = new ProcessBuilder("sleep", "60").start();
        freezer = new SlotFreezer(new PrintStream(new ByteArrayOutputStream(), true));
    }

    @AfterEach
    void stop() {
        freezer.close();
        sleeper.destroyForcibly();
    }

    /** The state letter of /proc/pid/stat: T when stopped, S when sleeping. */
    private char state() throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(sleeper.pid()), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    private char stateWithin(Duration timeout, char wanted) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        char state = state();
        while (state != wanted && System.nanoTime() < deadline) {
            Thread.sleep(20);
            state = state();
        }
        return state;
    }

    @Test
    void a_frozen_process_is_stopped_until_the_expiry_then_runs_again() throws Exception {
        JsonObject freeze = freezer.freeze("green", sleeper.pid(), Duration.ofSeconds(1));
        assertEquals('T', stateWithin(Duration.ofSeconds(2), 'T'));
        assertEquals("freeze", freeze.getString("kind"));
        assertEquals(sleeper.pid(), freeze.getLong("pid"));
        assertEquals(Instant.parse(freeze.getString("createdAt")).plusSeconds(1), Instant.parse(freeze.getString("expiresAt")));
        assertEquals(List.of(freeze), freezer.list());

        assertEquals('S', stateWithin(Duration.ofSeconds(4), 'S'), "thawed at the expiry");
        assertEquals(List.of(), freezer.list());
        assertTrue(sleeper.isAlive());
    }

    @Test
    void a_thaw_by_id_runs_the_process_again_at_once_and_a_slot_is_frozen_once() throws Exception {
        JsonObject freeze = freezer.freeze("green", sleeper.pid(), Duration.ofMinutes(5));
        assertEquals('T', stateWithin(Duration.ofSeconds(2), 'T'));
        Refusal twice = assertThrows(Refusal.class, () -> freezer.freeze("green", sleeper.pid(), Duration.ofMinutes(5)));
        assertEquals(409, twice.status());
        assertEquals("slot_frozen", twice.code());

        assertTrue(freezer.thaw("no-such-id").isEmpty());
        assertEquals(freeze, freezer.thaw(freeze.getString("id")).orElseThrow());
        assertEquals('S', stateWithin(Duration.ofSeconds(2), 'S'));
        assertTrue(freezer.thaw(freeze.getString("id")).isEmpty(), "thawed once");
    }

    @Test
    void closing_thaws_every_frozen_slot() throws Exception {
        freezer.freeze("blue", sleeper.pid(), Duration.ofMinutes(5));
        assertEquals('T', stateWithin(Duration.ofSeconds(2), 'T'));
        freezer.close();
        assertEquals('S', stateWithin(Duration.ofSeconds(2), 'S'));
    }
}
