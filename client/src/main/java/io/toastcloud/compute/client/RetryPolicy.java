package io.toastcloud.compute.client;

import io.toastcloud.compute.client.error.HttpStatusException;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.error.ToastComputeException;
import io.toastcloud.compute.client.error.ToastConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed call may be sent again, and after how long. Only reads (GET) are ever retried,
 * and only for faults that say nothing about the request itself: I/O errors, timeouts and HTTP
 * 5xx from something in front of the service. Creates and other writes are never retried: the
 * first attempt may have reached the service. Delays grow exponentially with full jitter, are
 * capped, and a server's {@code Retry-After} is honoured when it is not longer than the cap.
 *
 * @param maxAttempts attempts in all, the first included (1 disables retries)
 * @param baseDelay delay before the second attempt, before jitter
 * @param maxDelay cap of any one delay, and the longest {@code Retry-After} honoured
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    /** Three attempts, 200 ms growing to at most 5 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /**
     * The delay before the next attempt, or empty when the call must not be retried.
     *
     * @param attempt how many attempts have failed so far (1 after the first)
     */
    public Optional<Duration> nextDelay(boolean read, ToastComputeException failure, int attempt) {
        if (!read || attempt >= maxAttempts || !isTransient(failure)) {
            return Optional.empty();
        }
        if (failure instanceof ServiceUnavailableException unavailable && unavailable.retryAfter().isPresent()) {
            Duration asked = unavailable.retryAfter().get();
            return asked.compareTo(maxDelay) > 0 ? Optional.empty() : Optional.of(asked);
        }
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Optional.of(Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1)));
    }

    static boolean isTransient(ToastComputeException failure) {
        return failure instanceof ToastConnectionException
                || failure instanceof HttpStatusException http && http.status() >= 500;
    }
}
