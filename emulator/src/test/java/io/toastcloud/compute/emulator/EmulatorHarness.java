package io.toastcloud.compute.emulator;

import io.toastcloud.compute.testsupport.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.waiter.WaiterConfig;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An emulator for a test class, with every answer checked against the contract
 * ({@link ContractResponses}) and its state checked for consistency after each test. Tests
 * share it and keep apart by using a fresh appkey each. As a {@code @RegisterExtension} static
 * field it does both by itself: {@link #verify()} after each test, {@link #close()} after the class.
 */
final class EmulatorHarness implements AutoCloseable, AfterEachCallback, AfterAllCallback {
    private static final AtomicInteger APPKEYS = new AtomicInteger();

    final ManualClock clock;
    final ContractResponses responses = new ContractResponses();
    final EmulatorServer server;

    private EmulatorHarness(ManualClock clock, Consumer<EmulatorConfig.Builder> settings) {
        this.clock = clock;
        EmulatorConfig.Builder b = EmulatorConfig.builder().port(0);
        if (clock != null) {
            b.clock(clock);
        }
        settings.accept(b);
        EmulatorConfig config = b.build();
        ExchangeObserver theirs = config.observer();
        this.server = EmulatorServer.start(config.toBuilder().observer(e -> {
            responses.exchanged(e);
            theirs.exchanged(e);
        }).build());
    }

    /** Default delays (seconds) on a clock that moves only by {@link ManualClock#advance}: every status can be seen. */
    static EmulatorHarness onManualClock(Consumer<EmulatorConfig.Builder> settings) {
        return new EmulatorHarness(ManualClock.at("2026-05-16T02:17:50Z"), settings);
    }

    /** Real time with the given delays. */
    static EmulatorHarness inRealTime(Delays delays, Consumer<EmulatorConfig.Builder> settings) {
        return new EmulatorHarness(null, b -> settings.accept(b.delays(delays)));
    }

    static String freshAppkey() {
        return "appkey-" + APPKEYS.incrementAndGet();
    }

    /** Raw HTTP with a token for a fresh appkey. */
    RawApi raw() {
        return new RawApi(server.endpoint(), freshAppkey()).login();
    }

    /** Raw HTTP without a token. */
    RawApi anonymous(String appkey) {
        return new RawApi(server.endpoint(), appkey);
    }

    /**
     * The Java client for {@code appkey}. On a manual clock, the client's sleeps (waiters,
     * retries) move the emulator's clock instead of waiting, so waiters run without delay.
     */
    ToastComputeClient client(String appkey) {
        ToastComputeClient.Builder b = ToastComputeClient.builder().appkey(appkey)
                .credentials(EmulatorUser.DEFAULT.name(), EmulatorUser.DEFAULT.password()).endpoint(server.endpoint());
        if (clock != null) {
            b.clock(clock).sleeper(clock::advance).waiterConfig(new WaiterConfig(Duration.ofMinutes(30), Duration.ofMillis(250),
                    Duration.ofSeconds(1), 1.0, 0.0));
        } else {
            b.waiterConfig(new WaiterConfig(Duration.ofSeconds(60), Duration.ofMillis(5), Duration.ofMillis(50), 1.5, 0.0));
        }
        return b.build();
    }

    /** After each test: every answer of the test fit the contract, and the state is consistent. */
    void verify() {
        assertEquals(List.of(), responses.drainProblems(), "answers that break the contract");
        assertEquals(List.of(), server.consistencyProblems(), "inconsistent emulator state");
    }

    @Override
    public void close() {
        server.close();
        assertTrue(responses.validated() > 0, "no answer was validated against the contract");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        verify();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
