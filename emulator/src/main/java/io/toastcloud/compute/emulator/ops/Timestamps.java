package io.toastcloud.compute.emulator.ops;

import java.time.Instant;

/**
 * The emulator's clock readings as the models' timestamp type. The generated models write an
 * {@link Instant} in the service's form (no offset, microseconds: {@code 2017-05-16T02:17:50.166000};
 * the generated {@code ToastTimestampJson}, spec/DECISIONS.md D51), so the emulator no longer
 * formats timestamps itself. A token's {@code expires}, which the service writes with a trailing
 * {@code Z} and whole seconds, is written in that same microsecond form: both match the contract's
 * {@code Timestamp}, and the client's reading of the {@code Z} form is tested on the client side.
 */
final class Timestamps {
    private Timestamps() {
    }

    static Instant of(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }
}
