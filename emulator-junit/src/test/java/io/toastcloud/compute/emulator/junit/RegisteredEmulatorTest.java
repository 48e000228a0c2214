package io.toastcloud.compute.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.emulator.EmulatorServer;
import io.toastcloud.compute.emulator.Transition;
import io.toastcloud.compute.model.InstanceStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder on a static field: a manual clock, the emulator's own delays for builds, a reset state for each test. */
class RegisteredEmulatorTest {
    @RegisterExtension
    static final ToastEmulatorExtension EMULATOR = ToastEmulatorExtension.builder()
            .manualClock()
            .delay(Transition.INSTANCE_BUILD, Duration.ofMinutes(3))
            .isolation(Isolation.RESET)
            .build();

    @Test
    void nothingHappensUntilTheClockIsAdvanced(ToastComputeClient client) {
        String id = Instances.create(client, "web-01");
        EMULATOR.server().advanceClock(Duration.ofMinutes(2));
        assertEquals("BUILD", status(client, id));
        EMULATOR.server().advanceClock(Duration.ofMinutes(1));
        assertEquals("ACTIVE", status(client, id));
    }

    @Test
    void theClientsWaitersMoveTheManualClockInsteadOfSleeping(ToastComputeClient client, EmulatorServer emulator) {
        Instant before = emulator.now();
        long started = System.nanoTime();
        String id = Instances.create(client, "web-02");
        assertEquals(InstanceStatus.ACTIVE, client.instanceWaiter().untilActive(id).getStatus());
        assertTrue(Duration.between(before, emulator.now()).compareTo(Duration.ofMinutes(3)) >= 0,
                "the emulator's clock went through the three-minute build: " + before + " -> " + emulator.now());
        assertTrue(System.nanoTime() - started < Duration.ofMinutes(3).toNanos(), "and nobody waited for it");
    }

    @Test
    void pendingTransitionsCanBeFinishedAtOnce(ToastComputeClient client, EmulatorServer emulator) {
        String id = Instances.create(client, "web-03");
        assertTrue(emulator.finishPendingTransitions() >= 1);
        assertEquals("ACTIVE", status(client, id));
    }

    @Test
    void eachTestStartsFromANewAppkeyStateUnderReset(ToastComputeClient client) {
        assertEquals(ToastEmulatorExtension.RESET_APPKEY, client.appkey());
        assertTrue(client.api(InstanceApi.class).listInstances().getInstances().isEmpty(),
                "the instances of the other tests are gone");
        Instances.keypair(client, "k"); // would conflict with another test's k without the reset
    }

    private static String status(ToastComputeClient client, String id) {
        return client.api(InstanceApi.class).listInstances(id).getInstances().get(0).getStatus().getValue();
    }
}
