package io.toastcloud.compute.emulator.junit;

import io.toastcloud.compute.emulator.Delays;
import io.toastcloud.compute.emulator.Durations;
import io.toastcloud.compute.emulator.EmulatorConfig;
import io.toastcloud.compute.emulator.EmulatorUser;
import io.toastcloud.compute.emulator.control.ManualClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one extension asks of its emulator, from {@link ToastEmulator} or the builder. Records
 * compare by value, so classes with the same options can share one emulator
 * ({@link ToastEmulator#shared()}); a {@code configure} callback makes the options unique.
 */
record EmulatorOptions(Delays delays, List<EmulatorUser> users, Duration tokenLifetime, int floatingIps,
        boolean manualClock, Isolation isolation, boolean checkConsistency, boolean shared,
        Consumer<EmulatorConfig.Builder> configure) {

    static final Delays TEST_DELAYS = Delays.uniform(Durations.parse(ToastEmulatorExtension.DEFAULT_DELAY));

    /**
     * What makes two options the same emulator: every value (delays by their text, since
     * {@link Delays} has no value equality), and the {@code configure} callback by identity.
     */
    List<Object> sharingKey() {
        return Arrays.asList(delays.toString(), users, tokenLifetime, floatingIps, manualClock, isolation,
                checkConsistency, configure);
    }

    static EmulatorOptions defaults() {
        return new EmulatorOptions(TEST_DELAYS, List.of(), null, -1, false, Isolation.FRESH_APPKEY, true, false, null);
    }

    /** The annotation's options; a malformed value is refused naming the attribute. */
    static EmulatorOptions of(ToastEmulator a) {
        Delays delays = switch (a.delays().trim()) {
            case "" -> TEST_DELAYS;
            case "emulator" -> Delays.defaults();
            default -> Delays.uniform(duration("delays", a.delays()));
        };
        List<EmulatorUser> users = Arrays.stream(a.users()).map(spec -> {
            try {
                return EmulatorUser.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("@ToastEmulator(users): " + e.getMessage());
            }
        }).toList();
        Duration lifetime = a.tokenLifetime().isBlank() ? null : duration("tokenLifetime", a.tokenLifetime());
        return new EmulatorOptions(delays, users, lifetime, a.floatingIps(), a.manualClock(), a.isolation(),
                a.checkConsistency(), a.shared(), null);
    }

    private static Duration duration(String attribute, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@ToastEmulator(" + attribute + "): " + e.getMessage());
        }
    }

    EmulatorConfig config() {
        EmulatorConfig.Builder b = EmulatorConfig.builder().port(0).delays(delays).controlPlane(true);
        users.forEach(b::user);
        if (tokenLifetime != null) {
            b.tokenLifetime(tokenLifetime);
        }
        if (floatingIps >= 0) {
            b.floatingIpsPerAppkey(floatingIps);
        }
        if (manualClock) {
            b.clock(ManualClock.startingNow());
        }
        if (configure != null) {
            configure.accept(b);
        }
        return b.build();
    }
}
