package io.toastcloud.compute.client.error;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * HTTP 5xx (a gateway's 502, 503 or 504, or a 500) from something in front of the service, which
 * itself always answers 200; reads may be retried. A {@link TransientException}; since that
 * parent came, a 5xx is no longer an {@link HttpStatusException} (Java classes have one parent),
 * but it keeps the same {@link #status()} and {@link #bodyExcerpt()}.
 */
public class ServiceUnavailableException extends TransientException {
    private final int status;
    private final String bodyExcerpt;
    private final Duration retryAfter;

    public ServiceUnavailableException(String operation, int status, String bodyExcerpt, Duration retryAfter) {
        super(operation, HttpStatusException.describe(status, bodyExcerpt), null);
        this.status = status;
        this.bodyExcerpt = bodyExcerpt;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The start of the body, already redacted, for diagnosis. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    @Override
    public OptionalInt httpStatus() {
        return OptionalInt.of(status);
    }

    /** The server's {@code Retry-After}, when it sent one. */
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
