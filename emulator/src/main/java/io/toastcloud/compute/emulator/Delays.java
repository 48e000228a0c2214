package io.toastcloud.compute.emulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** How long each {@link Transition} takes. Immutable. */
public final class Delays {
    private final Map<Transition, Duration> delays;

    private Delays(Map<Transition, Duration> delays) {
        this.delays = delays;
    }

    /** The defaults of {@link Transition#defaultDelay()} (about 0.5 to 2 seconds each). */
    public static Delays defaults() {
        Map<Transition, Duration> map = new EnumMap<>(Transition.class);
        for (Transition t : Transition.values()) {
            map.put(t, t.defaultDelay());
        }
        return new Delays(map);
    }

    /** The same delay for every transition (tests use a few milliseconds). */
    public static Delays uniform(Duration delay) {
        checked(delay);
        Map<Transition, Duration> map = new EnumMap<>(Transition.class);
        for (Transition t : Transition.values()) {
            map.put(t, delay);
        }
        return new Delays(map);
    }

    public Delays with(Transition transition, Duration delay) {
        Map<Transition, Duration> map = new EnumMap<>(delays);
        map.put(Objects.requireNonNull(transition, "transition"), checked(delay));
        return new Delays(map);
    }

    public Duration of(Transition transition) {
        return delays.get(transition);
    }

    private static Duration checked(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay must not be negative: " + delay);
        }
        return delay;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Delays[");
        delays.forEach((t, d) -> b.append(t.key()).append('=').append(d.toMillis()).append("ms "));
        return b.toString().trim() + "]";
    }
}
