package io.toastcloud.compute.reliability.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the tests move by hand, shared by the client (token expiry) and the stubs (token issue). */
public final class MutableClock extends Clock {
    /** One second before the contract's example token was issued; its example expiry is an hour later. */
    public static final Instant CONTRACT_EXAMPLE_NOW = Instant.parse("2017-05-16T02:17:49Z");

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public MutableClock() {
        this(CONTRACT_EXAMPLE_NOW);
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

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
