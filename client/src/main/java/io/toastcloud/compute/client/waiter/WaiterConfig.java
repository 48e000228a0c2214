package io.toastcloud.compute.client.waiter;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a waiter waits and how often it polls: the first poll after {@code initialDelay},
 * then delays growing by {@code multiplier} up to {@code maxDelay}, each with up to
 * {@code jitter} (a fraction) of random spread, until {@code timeout}. Immutable.
 */
public record WaiterConfig(Duration timeout, Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {
    /** 10 minutes, polling after 2 s, growing 1.5x to 15 s, with 20% jitter. */
    public static final WaiterConfig DEFAULT = new WaiterConfig(Duration.ofMinutes(10), Duration.ofSeconds(2),
            Duration.ofSeconds(15), 1.5, 0.2);

    public WaiterConfig {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (timeout.isNegative() || initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("waiter durations must not be negative");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1.0, was " + multiplier);
        }
        if (jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
    }

    public WaiterConfig withTimeout(Duration newTimeout) {
        return new WaiterConfig(newTimeout, initialDelay, maxDelay, multiplier, jitter);
    }

    public WaiterConfig withPolling(Duration newInitialDelay, Duration newMaxDelay) {
        return new WaiterConfig(timeout, newInitialDelay, newMaxDelay, multiplier, jitter);
    }
}
