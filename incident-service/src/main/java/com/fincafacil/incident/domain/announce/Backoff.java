package com.fincafacil.incident.domain.announce;

import java.time.Duration;

/** The wait before a failed announcement's next attempt: doubling from {@code initial}, capped at {@code max}. */
public record Backoff(Duration initial, Duration max) {

    /** {@code attempts}: how many attempts failed so far (1 after the first failure). */
    public Duration after(int attempts) {
        Duration wait = initial;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
