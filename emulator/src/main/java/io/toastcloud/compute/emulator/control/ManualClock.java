package io.toastcloud.compute.emulator.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told ({@link #advance}): with it, status transitions and token
 * expiry happen exactly when a test says, never while it is looking. Thread-safe.
 */
public final class ManualClock extends Clock {
    private final AtomicLong millis;

    public ManualClock(Instant start) {
        this.millis = new AtomicLong(Objects.requireNonNull(start, "start").toEpochMilli());
    }

    /** Starts at the current time (whole milliseconds), so that timestamps look like today's. */
    public static ManualClock startingNow() {
        return new ManualClock(Instant.ofEpochMilli(System.currentTimeMillis()));
    }

    /** Moves the clock forward; {@code by} must not be negative (time does not go back). */
    public Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; cannot advance by " + by);
        }
        return Instant.ofEpochMilli(millis.addAndGet(by.toMillis()));
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
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
    public String toString() {
        return "ManualClock[" + instant() + "]";
    }
}
