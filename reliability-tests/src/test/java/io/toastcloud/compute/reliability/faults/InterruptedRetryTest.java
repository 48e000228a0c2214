package io.toastcloud.compute.reliability.faults;



import io.toastcloud.compute.testsupport.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.emulator.control.FaultRule;
import io.toastcloud.compute.reliability.support.EmulatedService;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.waiter.Sleeper;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.Report;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Where the issue is silent, as trusted SDKs do: a thread interrupted while the client waits to
 * retry stops at once with the failure it had, and keeps its interrupt status for its caller.
 */
class InterruptedRetryTest {
    @Test
    void aThreadInterruptedBeforeARetryStopsAtOnceAndStaysInterrupted() {
        Sleeper interrupted = d -> {
            throw new InterruptedException("interrupted by the test");
        };
        try (EmulatedService emulator = new EmulatedService()) {
            FaultRule unavailable = emulator.fault(FaultRule.on("listFlavors").gatewayError(503));
            try (ToastComputeClient client = Clients.builder(emulator.endpoint(), Transport.APACHE_HC5,
                    new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW), interrupted).build()) {
                ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                        () -> client.api(FlavorApi.class).listFlavors());
                assertTrue(Thread.interrupted(), "the interrupt status is kept (and cleared here)");
                assertTrue(Arrays.stream(e.getSuppressed()).anyMatch(s -> s.getMessage().contains("interrupted")),
                        "the failure says the retry was cut short");
            }
            assertEquals(1, emulator.applied(unavailable), "no further attempt");
        }
        Report.line("read-faults", "interrupted while waiting to retry: stops after 1 attempt, interrupt status kept");
    }
}
