package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.error.ToastConnectionException;
import io.toastcloud.compute.client.error.ToastTimeoutException;
import io.toastcloud.compute.client.RetryPolicy;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads are retried on transient faults with bounded, jittered backoff; writes never are. */
class RetryTest {
    private static final String FLAVORS = BASE + "/flavors";
    private static final String VOLUMES = BASE + "/volumes";
    private StubService stub;

    @BeforeEach
    void start() {
        stub = new StubService();
        stub.issuesToken("token-1");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private void failsOnceThen(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(ok("\"flavors\":[]"))));
    }

    private static VolumeCreateRequest volume() {
        return new VolumeCreateRequest().volume(new VolumeCreateSpec().name("data").size(10)
                .availabilityZone("kr-pub-a").volumeType(""));
    }

    @Test
    void readRetriedAfterHttp500() {
        failsOnceThen(aResponse().withStatus(500).withBody("oops"));
        try (ToastComputeClient client = stub.client()) {
            assertEquals(0, client.api(FlavorApi.class).listFlavors().getFlavors().size());
        }
        stub.server.verify(2, getRequestedFor(urlPathEqualTo(FLAVORS)));
        assertEquals(1, stub.sleeps.size());
        assertTrue(stub.sleeps.get(0).compareTo(RetryPolicy.DEFAULT.baseDelay()) <= 0, "first delay within the base delay");
    }

    @Test
    void readRetriedAfterConnectionReset() {
        failsOnceThen(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        try (ToastComputeClient client = stub.client()) {
            assertEquals(0, client.api(FlavorApi.class).listFlavors().getFlavors().size());
        }
        stub.server.verify(2, getRequestedFor(urlPathEqualTo(FLAVORS)));
    }

    @Test
    void retryAfterIsHonoured() {
        failsOnceThen(aResponse().withStatus(503).withHeader("Retry-After", "2").withBody("<html>busy</html>"));
        try (ToastComputeClient client = stub.client()) {
            client.api(FlavorApi.class).listFlavors();
        }
        assertEquals(Duration.ofSeconds(2), stub.sleeps.get(0));
    }

    @Test
    void retryAfterLongerThanTheCapIsNotWaitedFor() {
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));
        try (ToastComputeClient client = stub.client()) {
            ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> client.api(FlavorApi.class).listFlavors());
            assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
        }
        stub.server.verify(1, getRequestedFor(urlPathEqualTo(FLAVORS)));
    }

    @Test
    void readGivesUpAfterMaxAttempts() {
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
        try (ToastComputeClient client = stub.clientBuilder().retryPolicy(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1))).build()) {
            ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> client.api(FlavorApi.class).listFlavors());
            assertEquals(502, e.status());
        }
        stub.server.verify(4, getRequestedFor(urlPathEqualTo(FLAVORS)));
        assertEquals(3, stub.sleeps.size());
        stub.sleeps.forEach(d -> assertTrue(d.compareTo(Duration.ofSeconds(1)) <= 0, "each delay capped: " + d));
    }

    @Test
    void readTimeoutIsRetriedThenTypedTimeout() {
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(json(ok("\"flavors\":[]")).withFixedDelay(1500)));
        try (ToastComputeClient client = stub.clientBuilder().readTimeout(Duration.ofMillis(200))
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10))).build()) {
            ToastTimeoutException e = assertThrows(ToastTimeoutException.class, () -> client.api(FlavorApi.class).listFlavors());
            assertEquals("listFlavors", e.operation());
        }
        stub.server.verify(2, getRequestedFor(urlPathEqualTo(FLAVORS)));
    }

    @Test
    void createIsNeverRetriedAfterHttp500() {
        stub.server.stubFor(post(urlPathEqualTo(VOLUMES)).willReturn(aResponse().withStatus(500)));
        try (ToastComputeClient client = stub.client()) {
            ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> client.api(BlockStorageApi.class).createVolume(volume()));
            assertEquals(500, e.status());
            assertEquals("createVolume", e.operation());
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(VOLUMES)));
        assertEquals(0, stub.sleeps.size());
    }

    @Test
    void createIsNeverRetriedAfterConnectionReset() {
        stub.server.stubFor(post(urlPathEqualTo(VOLUMES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (ToastComputeClient client = stub.client()) {
            assertThrows(ToastConnectionException.class, () -> client.api(BlockStorageApi.class).createVolume(volume()));
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(VOLUMES)));
    }

    @Test
    void createIsNeverRetriedAfterReadTimeout() {
        stub.server.stubFor(post(urlPathEqualTo(VOLUMES)).willReturn(json(ok("")).withFixedDelay(1500)));
        try (ToastComputeClient client = stub.clientBuilder().readTimeout(Duration.ofMillis(200)).build()) {
            assertThrows(ToastTimeoutException.class, () -> client.api(BlockStorageApi.class).createVolume(volume()));
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(VOLUMES)));
    }
}
