package io.toastcloud.compute.emulator.ops;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps the way the service writes them (see the contract's {@code Timestamp}). */
final class Timestamps {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code 2017-05-16T02:17:50.166000}: no offset, microseconds. */
    static String of(long epochMillis) {
        return MICROS.format(Instant.ofEpochMilli(epochMillis));
    }

    /** {@code 2017-05-16T03:17:50Z}: the form of a token's {@code expires}. */
    static String withZ(long epochMillis) {
        return SECONDS_Z.format(Instant.ofEpochMilli(epochMillis));
    }
}
