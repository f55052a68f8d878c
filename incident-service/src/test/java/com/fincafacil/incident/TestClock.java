package com.fincafacil.incident;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: real time unless a test pins it to an instant. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Instant pinned;

    public void pin(Instant at) {
        pinned = at;
    }

    public void release() {
        pinned = null;
    }

    public void advance(Duration by) {
        pinned = instant().plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }
}
