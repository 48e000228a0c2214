package io.toastcloud.compute.emulator.state;

import java.time.Duration;

/** One phase of a plan: {@code after} the previous phase, the resource takes {@code status} (or is gone). */
public record Phase(Duration after, String status, boolean gone) {
    public static Phase to(Duration after, String status) {
        return new Phase(after, status, false);
    }

    public static Phase gone(Duration after) {
        return new Phase(after, null, true);
    }
}
