package com.fincafacil.flags.client;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without any broker: the listener keeps trying quietly and still stops on request. */
class FlagChangeListenerTest {

    @Test
    void the_listener_keeps_running_without_a_broker_and_stops_cleanly() throws Exception {
        AtomicInteger invalidations = new AtomicInteger();
        FlagChangeListener listener = new FlagChangeListener("127.0.0.1:" + unusedPort(), invalidations::incrementAndGet);

        listener.start();
        TimeUnit.SECONDS.sleep(3);
        boolean runningWithoutBroker = listener.isRunning();
        long started = System.nanoTime();
        listener.stop();
        Duration stopping = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(runningWithoutBroker);
        assertFalse(listener.isListening());
        assertFalse(listener.isRunning());
        assertTrue(stopping.compareTo(Duration.ofSeconds(5)) < 0, "stop took " + stopping);
        assertEquals(0, invalidations.get());
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
