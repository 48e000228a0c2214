package io.toastcloud.compute.emulator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One appkey's state behind one lock. Every operation on an appkey runs under it, so requests of
 * any number of clients are applied one at a time, each seeing the state the last one left;
 * different appkeys do not wait for each other. Before an operation runs, the steps that fell
 * due are applied; after a changing operation, what it changed is saved before the answer is
 * sent. Steps applied by a look-up are not saved then: their due times are, so a restart applies
 * them again, to the same effect.
 */
public final class Tenant {
    private final ReentrantLock lock = new ReentrantLock();
    private final TenantState state;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private final Persistence persistence;
    /** Set by a reset: requests that got this tenant before it still run, but save nothing. */
    private boolean dropped;

    public Tenant(TenantState state, Lifecycle lifecycle, Clock clock, Persistence persistence) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.persistence = persistence;
    }

    public String appkey() {
        return state.appkey;
    }

    /** Runs a look-up. */
    public <T> T read(Function<Tx, T> operation) {
        lock.lock();
        try {
            long now = clock.millis();
            lifecycle.advance(state, now);
            return operation.apply(new Tx(state, now));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a change and saves it before returning. The operation must check everything before it
     * changes anything: a failure it throws leaves the state as it was.
     */
    public <T> T write(Function<Tx, T> operation) {
        lock.lock();
        try {
            state.track(true);
            long now = clock.millis();
            lifecycle.advance(state, now);
            T result = operation.apply(new Tx(state, now));
            if (!dropped) {
                persistence.save(state);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the state of an appkey", e);
        } finally {
            state.track(false);
            lock.unlock();
        }
    }

    /**
     * Forgets this appkey's saved state and marks this tenant dropped, under its lock, so no
     * request still holding it can save after the reset (they are ordered before it).
     */
    void drop() throws IOException {
        lock.lock();
        try {
            dropped = true;
            persistence.reset(state.appkey);
        } finally {
            lock.unlock();
        }
    }
}
