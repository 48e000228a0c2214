package io.toastcloud.compute.emulator.ops;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The emulator's clock readings as the models' timestamp type. The generated models write an
 * {@link Instant} in the service's usual form (no offset, microseconds:
 * {@code 2017-05-16T02:17:50.166000}; the generated {@code ToastTimestampJson},
 * spec/DECISIONS.md D51), so the emulator does not format those itself.
 */
final class Timestamps {
    private static final DateTimeFormatter SECONDS_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static Instant of(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    /** {@code 2017-05-16T03:17:50Z}: the form of a token's {@code expires}, which the models do not write. */
    static String withZ(long epochMillis) {
        return SECONDS_Z.format(Instant.ofEpochMilli(epochMillis));
    }
}
