package com.fincafacil.local;

import com.fincafacil.local.slots.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's supervisor on real processes: small JVMs that sleep, or exit at once. */
class ServiceSupervisorTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ServiceSupervisor supervisor = new ServiceSupervisor(new PrintStream(printed, true, StandardCharsets.UTF_8),
            Duration.ofMillis(50), Duration.ofMillis(100));

    /** A main that sleeps for a minute (a service that stays up) or exits with the code it is given. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            if (args.length > 0) {
                System.exit(Integer.parseInt(args[0]));
            }
            Thread.sleep(60_000);
        }
    }

    @AfterEach
    void stop() {
        supervisor.close();
        supervisor.processes().forEach(p -> p.stop(Duration.ofSeconds(5)));
    }

    private ServiceSupervisor.Starter java(String... args) throws Exception {
        Path log = Files.createTempFile("supervised-", ".log");
        log.toFile().deleteOnExit();
        List<String> launch = new java.util.ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), Sleeper.class.getName()));
        launch.addAll(List.of(args));
        return () -> ServiceProcess.start("sleeper", List.of("-Xshare:auto"), Map.of(), launch, log, log.getParent());
    }

    @Test
    void a_killed_service_is_started_again_at_once_with_a_new_process() throws Exception {
        supervisor.start("sleeper", java());
        long first = supervisor.process("sleeper").orElseThrow().pid();

        assertEquals("crash", supervisor.crash("sleeper").getString("kind"));
        await(() -> supervisor.restarts("sleeper") == 1 && supervisor.process("sleeper").orElseThrow().isAlive());

        assertNotEquals(first, supervisor.process("sleeper").orElseThrow().pid());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("started again (restart 1)"), printed.toString(StandardCharsets.UTF_8));
        Refusal unknown = assertThrows(Refusal.class, () -> supervisor.crash("nobody"));
        assertEquals(409, unknown.status());
    }

    @Test
    void a_service_that_keeps_exiting_is_left_down_after_five_restarts() throws Exception {
        supervisor.start("sleeper", java("3"));
        await(() -> printed.toString(StandardCharsets.UTF_8).contains("left down"));

        assertEquals(ServiceSupervisor.MAX_RESTARTS, supervisor.restarts("sleeper"));
        assertFalse(supervisor.process("sleeper").orElseThrow().isAlive());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("exited (code 3)"), printed.toString(StandardCharsets.UTF_8));
        Thread.sleep(500);
        assertEquals(ServiceSupervisor.MAX_RESTARTS, supervisor.restarts("sleeper"), "no restart once left down");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "in time");
            Thread.sleep(50);
        }
    }
}
