package io.toastcloud.compute.client.error;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A fault that says nothing about the request itself, so the same request may succeed later:
 * the connection failed or timed out ({@link ToastConnectionException},
 * {@link ToastTimeoutException}), or something in front of the service answered HTTP 5xx
 * ({@link ServiceUnavailableException}). The client already retried a read (GET) as its
 * {@code RetryPolicy} allows before throwing this; it never retries a write, whose first attempt
 * may have reached the service (check before sending a create again).
 */
public class TransientException extends ToastComputeException {
    public TransientException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
    }

    /** The HTTP status of the answer, when there was one (empty for connection faults). */
    public OptionalInt httpStatus() {
        return OptionalInt.empty();
    }

    /** How long the server asked to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
