package io.toastcloud.compute.reliability.support;

import java.time.Duration;

/**
 * How long a failing call may take before it counts as a hang. A correctness bound derived from
 * the configured timeouts, never a speed measurement: every attempt may need a token request and
 * the call itself, each allowed a full connect and read timeout; retry pauses are recorded by a
 * {@link RecordingSleeper}, not slept; and a fixed margin absorbs a slow CI machine.
 */
public final class Bounds {
    public static final Duration MARGIN = Duration.ofSeconds(5);

    private Bounds() {
    }

    public static Duration noHang(Duration connectTimeout, Duration readTimeout, int attempts) {
        return connectTimeout.plus(readTimeout).multipliedBy(2L * attempts).plus(MARGIN);
    }
}
