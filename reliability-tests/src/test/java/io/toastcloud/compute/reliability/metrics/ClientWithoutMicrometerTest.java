package io.toastcloud.compute.reliability.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.Envelopes;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.WireMockStub;
import java.time.Clock;
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
        try (WireMockStub stub = new WireMockStub()) {
            stub.issuesTokens();
            stub.server.stubFor(get(urlPathEqualTo(WireMockStub.BASE + "/flavors")).willReturn(WireMockStub.json(Envelopes.flavors())));
            try (ToastComputeClient client = Clients.builder(stub.endpoint(), Transport.APACHE_HC5, Clock.systemUTC(),
                    new RecordingSleeper()).build()) {
                assertEquals(2, client.flavors().listFlavors(null).getFlavors().size());
            }
        }
    }
}
