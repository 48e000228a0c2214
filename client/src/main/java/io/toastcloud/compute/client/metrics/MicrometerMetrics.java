package io.toastcloud.compute.client.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@link ClientMetrics} on a Micrometer {@link MeterRegistry}. The only class of the client that
 * refers to Micrometer, which is an optional dependency: add {@code io.micrometer:micrometer-core}
 * to use it. Meters:
 * <ul>
 *   <li>{@value #CALLS} (timer): tags {@code operation}, {@code outcome} ({@code success} or the
 *       exception's simple name), {@code resultCode} (the envelope's, or {@code none});</li>
 *   <li>{@value #RETRIES} (counter): tags {@code operation}, {@code reason}
 *       ({@code transient} or {@code tokenInvalid});</li>
 *   <li>{@value #TOKEN_ISSUES} (timer): tag {@code outcome}.</li>
 * </ul>
 * Tag values come from the contract (operationIds, result codes) and the client's own exception
 * types: a bounded set, never a resource id, a name or a secret.
 */
public final class MicrometerMetrics implements ClientMetrics {
    public static final String CALLS = "toast.compute.calls";
    public static final String RETRIES = "toast.compute.retries";
    public static final String TOKEN_ISSUES = "toast.compute.token.issues";

    private final MeterRegistry registry;

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static MicrometerMetrics of(MeterRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("registry must not be null");
        }
        return new MicrometerMetrics(registry);
    }

    @Override
    public void callEnded(String operation, Duration took, String outcome, Integer resultCode, int attempts) {
        Timer.builder(CALLS)
                .description("Calls of an operation of the TOAST Compute API, retries included")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .tag("resultCode", resultCode == null ? "none" : String.valueOf(resultCode))
                .register(registry)
                .record(took);
    }

    @Override
    public void retried(String operation, String reason) {
        Counter.builder(RETRIES)
                .description("Requests sent once more by the client")
                .tag("operation", operation)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void tokenIssued(Duration took, String outcome) {
        Timer.builder(TOKEN_ISSUES)
                .description("Token issues (first and renewals)")
                .tag("outcome", outcome)
                .register(registry)
                .record(took);
    }
}
