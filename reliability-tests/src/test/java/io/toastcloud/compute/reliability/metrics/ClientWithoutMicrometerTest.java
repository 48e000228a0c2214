package io.toastcloud.compute.reliability.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.Secrets;
import io.toastcloud.compute.testsupport.Envelopes;
import io.toastcloud.compute.testsupport.ManualClock;
import io.toastcloud.compute.testsupport.WireMockService;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency of the client: this module, like an application that does
 * not add it, has no Micrometer on its class path, and the client works the same (the metrics
 * hook is only loaded when {@code MicrometerMetrics} is used).
 */
class ClientWithoutMicrometerTest {
    @Test
    void theClientBuildsAndCallsWithoutMicrometerOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.micrometer.core.instrument.MeterRegistry"),
                "this module must not have Micrometer on its class path, or the test proves nothing");
        // WireMock: any answering server does here (the case is the client's classpath, not a fault).
        try (WireMockService stub = new WireMockService(Secrets.APPKEY, new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW))) {
            stub.issuesTokens(Secrets.TOKEN_ID);
            stub.server.stubFor(get(urlPathEqualTo(stub.base() + "/flavors")).willReturn(WireMockService.json(Envelopes.flavors())));
            try (ToastComputeClient client = Clients.builder(stub.endpoint(), Transport.APACHE_HC5, stub.clock,
                    new RecordingSleeper()).build()) {
                assertEquals(2, client.api(FlavorApi.class).listFlavors().getFlavors().size());
            }
        }
    }
}
