package io.toastcloud.compute.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that moves only when a test says so, shared by whatever a test wires it into
 * (the client's token expiry and waiters, a stub's token issue, the emulator's state changes).
 */
public final class ManualClock extends Clock {
    /** One second before the contract's example token was issued; its example expiry is an hour later. */
    public static final Instant CONTRACT_EXAMPLE_NOW = Instant.parse("2017-05-16T02:17:49Z");

    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock standing at {@code instant} (ISO-8601 with offset, e.g. {@code 2026-05-16T02:17:50Z}). */
    public static ManualClock at(String instant) {
        return new ManualClock(Instant.parse(instant));
    }

    /**
     * A clock starting at the real time (to the millisecond), for tests where a client on the
     * system clock must hold what this clock's side issues as fresh.
     */
    public static ManualClock startingNow() {
        return new ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Stays in UTC whatever is asked: everything under test works in UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
