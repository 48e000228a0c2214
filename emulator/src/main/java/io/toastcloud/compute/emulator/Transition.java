package io.toastcloud.compute.emulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Each timed step of the emulator's status machines, with its default delay. The names are the
 * keys of {@code --delay NAME=DURATION} (see docs/EMULATOR.md).
 */
public enum Transition {
    /** Instance BUILD to ACTIVE (or ERROR). */
    INSTANCE_BUILD(Duration.ofMillis(2000)),
    /** Instance POWERING_ON to ACTIVE (start). */
    INSTANCE_POWER_ON(Duration.ofMillis(1000)),
    /** Instance POWERING_OFF to STOP (stop). */
    INSTANCE_POWER_OFF(Duration.ofMillis(1000)),
    /** Instance REBOOTING to ACTIVE. */
    INSTANCE_REBOOT(Duration.ofMillis(1000)),
    /** Instance RESIZING to its previous status. */
    INSTANCE_RESIZE(Duration.ofMillis(2000)),
    /** Instance DELETING to gone. */
    INSTANCE_DELETE(Duration.ofMillis(1000)),
    /** Volume creating to available (or error). */
    VOLUME_CREATE(Duration.ofMillis(1000)),
    /** Volume attaching to in-use. */
    VOLUME_ATTACH(Duration.ofMillis(500)),
    /** Volume detaching to available. */
    VOLUME_DETACH(Duration.ofMillis(500)),
    /** Volume deleting to gone. */
    VOLUME_DELETE(Duration.ofMillis(500)),
    /** Image queued to saving (uploadImage). */
    IMAGE_QUEUE(Duration.ofMillis(500)),
    /** Image saving to active (or killed). */
    IMAGE_SAVE(Duration.ofMillis(1500));

    private final Duration defaultDelay;

    Transition(Duration defaultDelay) {
        this.defaultDelay = defaultDelay;
    }

    public Duration defaultDelay() {
        return defaultDelay;
    }

    /** The command-line name, e.g. {@code instance-build}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Transition> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }
}
