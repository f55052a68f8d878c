package com.fincafacil.release.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.release.domain.deployment.MigrationRun;
import com.fincafacil.release.domain.deployment.SlotStatus;
import com.fincafacil.release.domain.deployment.TargetRefusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local target against the real launcher, with real farm-service slots from its artifact store. */
class LauncherTargetIT {

    private static LauncherProcess launcher;
    private static LauncherTarget target;

    @BeforeAll
    static void startLauncher() throws Exception {
        launcher = LauncherProcess.start();
        target = new LauncherTarget(new ObjectMapper(), launcher.controlUrl(), launcher.operatorToken(), Duration.ofMinutes(3));
        assertEquals(0, launcher.run("artifact", "add", "--version", "1.0.1-rc.1"), "the current build stored as a candidate");
    }

    @AfterAll
    static void stopLauncher() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void a_blue_green_round_through_the_port() {
        List<SlotStatus> slots = target.slots();
        assertEquals(List.of("blue", "green"), slots.stream().map(SlotStatus::slot).toList());
        assertTrue(slots.get(0).active() && slots.get(0).ready(), slots.toString());
        assertEquals("blue", target.activeSlot().orElseThrow());

        assertEquals(TargetRefusal.Kind.CONFLICT, assertThrows(TargetRefusal.class, () -> target.deploy("blue", "1.0.1-rc.1", "1.0.1-rc.1")).kind());
        assertEquals(TargetRefusal.Kind.CONFLICT, assertThrows(TargetRefusal.class, () -> target.switchTo("green")).kind());
        assertEquals(TargetRefusal.Kind.NOT_FOUND, assertThrows(TargetRefusal.class, () -> target.deploy("green", "9.9.9", "9.9.9")).kind());

        MigrationRun run = target.migrate("1.0.1-rc.1", "1.0.1-rc.1");
        assertTrue(run.succeeded());
        assertEquals(List.of(), run.applied(), "the first install applied them all already");
        assertFalse(run.log().isEmpty());

        SlotStatus green = target.deploy("green", "1.0.1-rc.1", "1.0.1-rc.1");
        assertTrue(green.ready());
        assertEquals("1.0.1-rc.1", green.version());
        target.switchTo("green");
        assertEquals("green", target.activeSlot().orElseThrow());
        assertEquals("stopped", target.stop("blue").state());
        assertEquals(TargetRefusal.Kind.CONFLICT, assertThrows(TargetRefusal.class, () -> target.stop("green")).kind());
    }

    @Test
    void an_unreachable_launcher_is_reported_as_such() {
        LauncherTarget nowhere = new LauncherTarget(new ObjectMapper(), "http://127.0.0.1:9", "x", Duration.ofSeconds(2));
        assertEquals(TargetRefusal.Kind.UNREACHABLE, assertThrows(TargetRefusal.class, nowhere::slots).kind());
    }
}
