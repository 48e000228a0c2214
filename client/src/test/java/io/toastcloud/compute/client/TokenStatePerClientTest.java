package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.failure;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.ImageApi;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, case 3: which token a call sent was kept in one static {@code ThreadLocal} for every
 * client and never cleared. A call of one client that ran inside a call of another (an
 * interceptor using a second client) made the first drop the wrong token, and every thread kept
 * the last token id it sent for ever.
 */
class TokenStatePerClientTest {
    private StubService first;
    private StubService second;

    @BeforeEach
    void start() {
        first = new StubService();
        second = new StubService();
        first.issuesToken("first-token-1");
        second.issuesToken("second-token-1");
        first.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json(ok("\"flavors\":[]"))));
        second.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json(ok("\"flavors\":[]"))));
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void aCallOfAnotherClientInsideACallDoesNotChangeWhichTokenIsDropped() {
        first.server.stubFor(get(urlPathEqualTo(BASE + "/images")).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(failure(50401, "Unauthorized : The token is expired or invalid.")))
                .willSetStateTo("expired"));
        first.server.stubFor(get(urlPathEqualTo(BASE + "/images")).inScenario("expiry").whenScenarioStateIs("expired")
                .willReturn(json(ok("\"images\":[]"))));
        AtomicReference<ToastComputeClient> other = new AtomicReference<>();
        try (ToastComputeClient secondClient = second.client();
                ToastComputeClient firstClient = first.clientBuilder().requestInterceptor(template -> {
                    if (template.path().endsWith("/images")) {
                        other.get().api(FlavorApi.class).listFlavors(); // e.g. an interceptor that looks something up
                    }
                }).build()) {
            other.set(secondClient);
            firstClient.api(FlavorApi.class).listFlavors(); // first-token-1 in use
            first.issuesToken("first-token-2");
            assertEquals(0, firstClient.api(ImageApi.class).listImages().getImages().size());
        }
        first.server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/images")).withHeader("X-Auth-Token", equalTo("first-token-1")));
        first.server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/images")).withHeader("X-Auth-Token", equalTo("first-token-2")));
    }

    @Test
    void noTokenIsLeftOnTheThreadAfterACall() throws Exception {
        WeakReference<String> sent = callAndForget();
        for (int i = 0; i < 50 && sent.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(sent.get(), "the token id the call sent is still reachable after its client was closed and dropped");
    }

    /** One call of a client that is then closed and dropped; the token id it sent, weakly. */
    private WeakReference<String> callAndForget() {
        try (ToastComputeClient client = first.client()) {
            client.api(FlavorApi.class).listFlavors();
            return new WeakReference<>(client.tokenManager().tokenId());
        }
    }
}
