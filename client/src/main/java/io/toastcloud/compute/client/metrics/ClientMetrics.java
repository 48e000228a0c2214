package io.toastcloud.compute.client.metrics;

import java.time.Duration;

/**
 * What the client reports about its work, for an application's metrics: every call of an
 * operation (how long it took in all, retries included, how it ended, the service's result code),
 * every retry, every token issue. The client calls these on the caller's thread; an
 * implementation must be quick and must not throw.
 *
 * <p>For Micrometer use {@link MicrometerMetrics#of}; the client itself does not depend on
 * Micrometer (an optional dependency: nothing is loaded from it unless that class is used).
 */
public interface ClientMetrics {
    /** Reports nothing: the default. */
    ClientMetrics NONE = new ClientMetrics() {
    };

    /**
     * One call of an operation has ended.
     *
     * @param operation the contract's operationId
     * @param took from the call to its answer or its last failure, every attempt included
     * @param outcome {@code success}, or the simple name of the exception thrown
     * @param resultCode the envelope's {@code resultCode} when there was one, else null
     * @param attempts how many times the request was sent (or refused before sending: 0)
     */
    default void callEnded(String operation, Duration took, String outcome, Integer resultCode, int attempts) {
    }

    /**
     * A call is sent once more.
     *
     * @param reason {@code transient} (a fault its retry policy allows retrying) or
     *        {@code tokenInvalid} (the service refused the token; a new one is issued first)
     */
    default void retried(String operation, String reason) {
    }

    /**
     * A token issue has ended (the first one, or a renewal).
     *
     * @param outcome {@code success}, or the simple name of the exception thrown
     */
    default void tokenIssued(Duration took, String outcome) {
    }
}
