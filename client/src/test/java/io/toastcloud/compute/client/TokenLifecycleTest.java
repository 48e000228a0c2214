package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.failure;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.ImageApi;
import io.toastcloud.compute.client.error.AuthenticationException;
import io.toastcloud.compute.client.error.PermissionDeniedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenLifecycleTest {
    private StubService stub;

    @BeforeEach
    void start() {
        stub = new StubService();
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json(ok("\"flavors\":[]"))));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void issuesOnFirstUseSendsAsXAuthTokenAndCaches() {
        stub.issuesToken("token-1");
        try (ToastComputeClient client = stub.client()) {
            client.api(FlavorApi.class).listFlavors();
            client.api(FlavorApi.class).listFlavors();
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(BASE + "/tokens")));
        stub.server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/flavors")).withHeader("X-Auth-Token", equalTo("token-1")));
    }

    @Test
    void tokenIssueRequestCarriesNoToken() {
        stub.issuesToken("token-1");
        try (ToastComputeClient client = stub.client()) {
            client.api(FlavorApi.class).listFlavors();
        }
        assertFalse(stub.server.findAll(postRequestedFor(urlPathEqualTo(BASE + "/tokens"))).get(0)
                .containsHeader("X-Auth-Token"));
    }

    @Test
    void renewsAheadOfExpiry() {
        stub.issuesToken("token-1");
        try (ToastComputeClient client = stub.clientBuilder().tokenRenewAhead(Duration.ofMinutes(5)).build()) {
            client.api(FlavorApi.class).listFlavors();
            stub.clock.advance(Duration.ofMinutes(54)); // 6 minutes left: still fresh
            client.api(FlavorApi.class).listFlavors();
            stub.server.verify(1, postRequestedFor(urlPathEqualTo(BASE + "/tokens")));
            stub.issuesToken("token-2");
            stub.clock.advance(Duration.ofMinutes(2)); // 4 minutes left: renew before use
            client.api(FlavorApi.class).listFlavors();
        }
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(BASE + "/tokens")));
        stub.server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/flavors")).withHeader("X-Auth-Token", equalTo("token-2")));
    }

    @Test
    void reissuesAndRetriesOnceWhenTheServiceSaysTheTokenIsInvalid() {
        stub.issuesToken("token-1");
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images")).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(failure(50401, "Unauthorized : The token is expired or invalid.")))
                .willSetStateTo("expired"));
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images")).inScenario("expiry").whenScenarioStateIs("expired")
                .willReturn(json(ok("\"images\":[]"))));
        try (ToastComputeClient client = stub.client()) {
            client.api(FlavorApi.class).listFlavors(); // token-1 in use
            stub.issuesToken("token-2");
            assertEquals(0, client.api(ImageApi.class).listImages().getImages().size());
        }
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(BASE + "/tokens")));
        stub.server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/images")).withHeader("X-Auth-Token", equalTo("token-1")));
        stub.server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/images")).withHeader("X-Auth-Token", equalTo("token-2")));
    }

    @Test
    void givesUpAfterOneReissue() {
        stub.issuesToken("token-1");
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images"))
                .willReturn(json(failure(50401, "Unauthorized : The token is expired or invalid."))));
        try (ToastComputeClient client = stub.client()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.api(ImageApi.class).listImages());
            assertEquals(50401, e.resultCode());
            assertEquals("listImages", e.operation());
        }
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(BASE + "/tokens")));
        stub.server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/images")));
    }

    /** -3 "Permission denied" can name the token (error-code table): re-issue once, as for 50401. */
    @Test
    void reissuesOnceOnMinusThreeThenSucceeds() {
        stub.issuesToken("token-1");
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images")).inScenario("denied").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(failure(-3, "Permission denied : token"))).willSetStateTo("reissued"));
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images")).inScenario("denied").whenScenarioStateIs("reissued")
                .willReturn(json(ok("\"images\":[]"))));
        try (ToastComputeClient client = stub.client()) {
            client.api(FlavorApi.class).listFlavors();
            stub.issuesToken("token-2");
            assertEquals(0, client.api(ImageApi.class).listImages().getImages().size());
        }
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(BASE + "/tokens")));
        stub.server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/images")).withHeader("X-Auth-Token", equalTo("token-2")));
    }

    /** A -3 that stays after one re-issue is a permission problem: never a second re-issue. */
    @Test
    void minusThreeTwiceIsPermissionDeniedAfterOneReissue() {
        stub.issuesToken("token-1");
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images")).willReturn(json(failure(-3, "Permission denied : appkey"))));
        try (ToastComputeClient client = stub.client()) {
            PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                    () -> client.api(ImageApi.class).listImages());
            assertEquals(-3, e.resultCode());
        }
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(BASE + "/tokens")));
        stub.server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/images")));
    }

    @Test
    void wrongCredentialsAreAnAuthenticationException() {
        stub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(BASE + "/tokens"))
                .willReturn(json(failure(-1, "FAIL : Authentication failed."))));
        try (ToastComputeClient client = stub.client()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.api(FlavorApi.class).listFlavors());
            assertEquals("issueToken", e.operation());
            assertEquals(-1, e.resultCode());
        }
    }

    @Test
    void manyThreadsAtFirstUseCauseOneIssue() throws Exception {
        stub.issuesToken("token-1");
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ToastComputeClient client = stub.client()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return client.api(FlavorApi.class).listFlavors();
                }));
            }
            go.countDown();
            for (Future<?> f : calls) {
                f.get();
            }
            assertEquals(1, client.tokenManager().issueCount());
        } finally {
            pool.shutdownNow();
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(BASE + "/tokens")));
        stub.server.verify(threads, getRequestedFor(urlPathEqualTo(BASE + "/flavors")));
    }
}
