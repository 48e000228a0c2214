package io.toastcloud.compute.client.waiter;

import io.toastcloud.compute.client.error.ResourceFailedException;
import io.toastcloud.compute.client.error.ToastComputeException;
import io.toastcloud.compute.client.error.WaiterTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Polls a resource until it reaches a wanted status, or is gone; fails fast when it reaches a
 * failure status, and gives up at the timeout. The resource-specific waiters
 * ({@link InstanceWaiters}, {@link VolumeWaiters}, {@link ImageWaiters}) are built on it.
 */
public final class Waiter {
    private final WaiterConfig config;
    private final Clock clock;
    private final Sleeper sleeper;

    public Waiter(WaiterConfig config, Clock clock, Sleeper sleeper) {
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public WaiterConfig config() {
        return config;
    }

    /**
     * Polls until the resource's status is one of {@code wanted}.
     *
     * @param what words for messages, e.g. "instance c8a1... to become ACTIVE"
     * @param poll the resource now, or empty when it does not exist
     * @param status the resource's status
     * @param failures statuses that end the wait with {@link ResourceFailedException}
     */
    public <T> T until(String what, Supplier<Optional<T>> poll, Function<T, String> status, Set<String> wanted,
            Set<String> failures) {
        return run(what, poll, status, failures, found -> found.filter(t -> wanted.contains(status.apply(t))), true);
    }

    /** Polls until the resource no longer exists. */
    public <T> void untilGone(String what, Supplier<Optional<T>> poll, Function<T, String> status, Set<String> failures) {
        run(what, poll, status, failures, found -> found.isEmpty() ? Optional.of(Boolean.TRUE) : Optional.empty(), false);
    }

    private <T, R> R run(String what, Supplier<Optional<T>> poll, Function<T, String> status, Set<String> failures,
            Function<Optional<T>, Optional<R>> done, boolean mustExist) {
        Instant deadline = clock.instant().plus(config.timeout());
        Duration delay = config.initialDelay();
        String last = "(not polled yet)";
        while (true) {
            Optional<T> found = poll.get();
            Optional<R> result = done.apply(found);
            if (result.isPresent()) {
                return result.get();
            }
            if (found.isPresent()) {
                last = status.apply(found.get());
                if (failures.contains(last)) {
                    throw new ResourceFailedException(what, last);
                }
            } else if (mustExist) {
                throw new ResourceFailedException(what, "(gone)");
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new WaiterTimeoutException(what, last, config.timeout());
            }
            Duration pause = jittered(delay);
            sleep(pause.compareTo(left) > 0 ? left : pause, what);
            delay = grow(delay);
        }
    }

    private Duration jittered(Duration base) {
        if (config.jitter() == 0.0 || base.isZero()) {
            return base;
        }
        double factor = 1.0 + ThreadLocalRandom.current().nextDouble(-config.jitter(), config.jitter());
        return Duration.ofNanos((long) (base.toNanos() * factor));
    }

    private Duration grow(Duration delay) {
        Duration next = Duration.ofNanos((long) (delay.toNanos() * config.multiplier()));
        return next.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : next;
    }

    private void sleep(Duration pause, String what) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToastComputeException(null, "interrupted while waiting for " + what, e);
        }
    }
}
