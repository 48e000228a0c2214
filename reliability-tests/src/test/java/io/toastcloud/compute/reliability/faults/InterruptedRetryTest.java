package io.toastcloud.compute.reliability.faults;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.reliability.support.Secrets;

import io.toastcloud.compute.reliability.support.StubPaths;

import io.toastcloud.compute.testsupport.ManualClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.waiter.Sleeper;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.testsupport.WireMockService;
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
        try (WireMockService stub = new WireMockService(Secrets.APPKEY, new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW))) {
            stub.issuesTokens(Secrets.TOKEN_ID);
            stub.server.stubFor(get(urlPathEqualTo(StubPaths.BASE + "/flavors")).willReturn(aResponse().withStatus(503)));
            try (ToastComputeClient client = Clients.builder(stub.endpoint(), Transport.APACHE_HC5, stub.clock, interrupted).build()) {
                ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> client.api(FlavorApi.class).listFlavors());
                assertTrue(Thread.interrupted(), "the interrupt status is kept (and cleared here)");
                assertTrue(Arrays.stream(e.getSuppressed()).anyMatch(s -> s.getMessage().contains("interrupted")),
                        "the failure says the retry was cut short");
            }
            assertEquals(1, stub.count(getRequestedFor(urlPathEqualTo(StubPaths.BASE + "/flavors"))), "no further attempt");
        }
        Report.line("read-faults", "interrupted while waiting to retry: stops after 1 attempt, interrupt status kept");
    }
}
