package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.failure;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.client.error.RequestValidationException;
import io.toastcloud.compute.client.error.ResourceNotFoundException;
import io.toastcloud.compute.client.metrics.MicrometerMetrics;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Micrometer hook records, per operation, a timer with outcome and result code, retries and token issues. */
class MetricsTest {
    private static final String FLAVORS = BASE + "/flavors";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private StubService stub;
    private ToastComputeClient client;

    @BeforeEach
    void start() {
        stub = new StubService();
        stub.issuesToken("token-1");
        client = stub.clientBuilder().metrics(MicrometerMetrics.of(registry)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private Timer calls(String operation, String outcome, String resultCode) {
        return registry.find(MicrometerMetrics.CALLS).tags("operation", operation, "outcome", outcome, "resultCode", resultCode)
                .timer();
    }

    @Test
    void aSuccessfulCallIsTimedWithItsResultCode() {
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(json(ok("\"flavors\":[]"))));
        client.api(FlavorApi.class).listFlavors();
        client.api(FlavorApi.class).listFlavors();
        Timer timer = calls("listFlavors", "success", "0");
        assertNotNull(timer, registry.getMetersAsString());
        assertEquals(2, timer.count());
        assertTrue(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
        Timer issues = registry.find(MicrometerMetrics.TOKEN_ISSUES).tag("outcome", "success").timer();
        assertNotNull(issues, registry.getMetersAsString());
        assertEquals(1, issues.count(), "one token for both calls");
    }

    @Test
    void aFailureIsTimedWithTheExceptionAndTheServicesCode() {
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(json(failure(11404, "Flavor could not be found."))));
        assertThrows(ResourceNotFoundException.class, () -> client.api(FlavorApi.class).listFlavors());
        assertEquals(1, calls("listFlavors", "ResourceNotFoundException", "11404").count(), registry.getMetersAsString());
    }

    @Test
    void aRefusedRequestIsCountedWithoutBeingSent() {
        assertThrows(RequestValidationException.class, () -> client.api(BlockStorageApi.class).createVolume(
                new VolumeCreateRequest().volume(new VolumeCreateSpec().name("data").size(-10).availabilityZone("kr-pub-a").volumeType(""))));
        assertEquals(1, calls("createVolume", "RequestValidationException", "-4").count(), registry.getMetersAsString());
        assertNull(registry.find(MicrometerMetrics.TOKEN_ISSUES).timer(), "nothing was sent, not even a token request");
    }

    @Test
    void retriesAreCountedByReason() {
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("token refused"));
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).inScenario("flaky").whenScenarioStateIs("token refused")
                .willReturn(json(failure(50401, "Token invalid"))).willSetStateTo("fine"));
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).inScenario("flaky").whenScenarioStateIs("fine")
                .willReturn(json(ok("\"flavors\":[]"))));
        client.api(FlavorApi.class).listFlavors();
        Counter transientRetries = registry.find(MicrometerMetrics.RETRIES).tags("operation", "listFlavors", "reason", "transient").counter();
        Counter tokenRetries = registry.find(MicrometerMetrics.RETRIES).tags("operation", "listFlavors", "reason", "tokenInvalid").counter();
        assertNotNull(transientRetries, registry.getMetersAsString());
        assertNotNull(tokenRetries, registry.getMetersAsString());
        assertEquals(1, transientRetries.count());
        assertEquals(1, tokenRetries.count());
        assertEquals(1, calls("listFlavors", "success", "0").count());
        assertEquals(2, registry.find(MicrometerMetrics.TOKEN_ISSUES).tag("outcome", "success").timer().count(),
                "the refused token was replaced");
    }

    @Test
    void aFailedTokenIssueIsRecorded() {
        stub.server.resetAll();
        stub.server.stubFor(post(urlPathEqualTo(BASE + "/tokens")).willReturn(json(failure(-1, "FAIL"))));
        assertThrows(RuntimeException.class, () -> client.api(FlavorApi.class).listFlavors());
        Timer failed = registry.find(MicrometerMetrics.TOKEN_ISSUES).tag("outcome", "AuthenticationException").timer();
        assertNotNull(failed, registry.getMetersAsString());
        assertEquals(1, failed.count());
    }
}
