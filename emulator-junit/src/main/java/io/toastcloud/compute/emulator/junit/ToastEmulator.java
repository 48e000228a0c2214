package io.toastcloud.compute.emulator.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an embedded TOAST Compute emulator on a free port of 127.0.0.1,
 * started once for the class (or once for the run, {@link #shared()}). Each test gets its own
 * appkey (or a reset state, {@link #isolation()}) and may take as parameters a configured
 * {@code ToastComputeClient}, the {@code EmulatorServer} (control plane: faults, clock, reset,
 * state), the endpoint as a {@code URI} or an {@link Endpoint @Endpoint String}, and its
 * {@link Appkey @Appkey String}. After each test the fault rules are cleared and, unless
 * {@link #checkConsistency()} is false, the emulator's state must be consistent. The same
 * options are on {@link ToastEmulatorExtension#builder()} for a {@code @RegisterExtension} field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(ToastEmulatorExtension.class)
public @interface ToastEmulator {
    /**
     * How long every status transition takes ({@code 10ms}, {@code 2s}, {@code PT1S}); empty:
     * {@value ToastEmulatorExtension#DEFAULT_DELAY} each; {@code "emulator"}: the emulator's own defaults (seconds).
     */
    String delays() default "";

    /** The users that may issue tokens, {@code NAME:PASSWORD}; empty: the emulator's default user. The client uses the first. */
    String[] users() default {};

    /** How long a token is valid ({@code 5m}); empty: the emulator's default (1 hour). */
    String tokenLifetime() default "";

    /** Addresses in each appkey's floating IP pool; negative: the emulator's default (8). */
    int floatingIps() default -1;

    /**
     * A clock that moves only when the test says ({@code EmulatorServer#advanceClock}); the
     * injected client's waiters and retries then advance it instead of sleeping.
     */
    boolean manualClock() default false;

    Isolation isolation() default Isolation.FRESH_APPKEY;

    /** Fail a test after which {@code EmulatorServer#consistencyProblems()} is not empty. */
    boolean checkConsistency() default true;

    /** One emulator for every class of the run with the same options, instead of one per class. */
    boolean shared() default false;
}
