package io.toastcloud.compute.client.error;

import java.time.Duration;
import java.util.Optional;

/** HTTP 502, 503 or 504 from something in front of the service; reads may be retried. */
public class ServiceUnavailableException extends HttpStatusException {
    private final Duration retryAfter;

    public ServiceUnavailableException(String operation, int status, String bodyExcerpt, Duration retryAfter) {
        super(operation, status, bodyExcerpt);
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
