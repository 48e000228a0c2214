package io.toastcloud.compute.reliability.faults;

import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.reliability.support.Secrets;

import io.toastcloud.compute.reliability.support.StubPaths;

import io.toastcloud.compute.testsupport.ManualClock;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.error.AuthenticationException;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.ContractCalls;
import io.toastcloud.compute.testsupport.ContractModel;
import io.toastcloud.compute.testsupport.Envelopes;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.testsupport.WireMockService;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue case 1, "the token expiring between two calls", both ways: the client's clock passes the
 * token's {@code expires} (the client renews before sending), and the service answers 50401 for
 * a token the client still thinks valid (the client drops that token, issues one new token and
 * sends the call once more, a create included: 50401 is answered before anything is done).
 */
class TokenExpiryTest {
    private static final String SUITE = "token-expiry";
    private static final String FLAVORS = StubPaths.BASE + "/flavors";
    private static final String VOLUMES = StubPaths.BASE + "/volumes";
    private static final String OLD = "tok-old-S3CRET-11111111";
    private static final String NEW = "tok-new-S3CRET-22222222";

    // WireMock, not the emulator: each case checks which token (old or new) every request carried,
    // and answers 50401 to one token only; the emulator's rules neither see nor choose by token.
    private WireMockService stub;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void start() {
        stub = new WireMockService(Secrets.APPKEY, new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW));
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(WireMockService.json(Envelopes.flavors())));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private void issues(String tokenId, Duration lifetime) {
        stub.server.stubFor(post(urlPathEqualTo(StubPaths.TOKENS))
                .willReturn(WireMockService.json(Envelopes.token(tokenId, stub.clock.instant().plus(lifetime)))));
    }

    /** The first token request answers OLD, every later one NEW. */
    private void issuesOldThenNew() {
        stub.server.stubFor(post(urlPathEqualTo(StubPaths.TOKENS)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMockService.json(Envelopes.token(OLD, stub.clock.instant().plus(Duration.ofHours(1)))))
                .willSetStateTo("renewed"));
        stub.server.stubFor(post(urlPathEqualTo(StubPaths.TOKENS)).inScenario("tokens").whenScenarioStateIs("renewed")
                .willReturn(WireMockService.json(Envelopes.token(NEW, stub.clock.instant().plus(Duration.ofHours(1))))));
    }

    private ToastComputeClient client(Transport transport) {
        return Clients.builder(stub.endpoint(), transport, stub.clock, sleeper).build();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theClocksPassingExpiresBetweenTwoCallsRenewsBeforeTheSecond(Transport transport) {
        issues(OLD, Duration.ofHours(1));
        try (ToastComputeClient client = client(transport)) {
            client.api(FlavorApi.class).listFlavors();
            stub.clock.advance(Duration.ofHours(2)); // long past expires, while the client was idle
            issues(NEW, Duration.ofHours(1));
            client.api(FlavorApi.class).listFlavors();
        }
        assertEquals(2, stub.tokenRequests());
        assertEquals(1, stub.count(getRequestedFor(urlPathEqualTo(FLAVORS)).withHeader("X-Auth-Token", equalTo(OLD))));
        assertEquals(1, stub.count(getRequestedFor(urlPathEqualTo(FLAVORS)).withHeader("X-Auth-Token", equalTo(NEW))),
                "the expired token was never sent; the new one was, once");
        Report.line(SUITE, "client clock past expires on " + transport + ": 2 token requests, expired token not sent");
    }

    @Test
    void aTokenShorterLivedThanTheRenewalMarginIsRenewedAtHalfItsLife() {
        issues(OLD, Duration.ofMinutes(4)); // the default renewal margin is 5 minutes
        try (ToastComputeClient client = client(Transport.APACHE_HC5)) {
            client.api(FlavorApi.class).listFlavors();
            stub.clock.advance(Duration.ofSeconds(119));
            client.api(FlavorApi.class).listFlavors();
            assertEquals(1, stub.tokenRequests(), "still in its first half: kept");
            issues(NEW, Duration.ofMinutes(4));
            stub.clock.advance(Duration.ofSeconds(2));
            client.api(FlavorApi.class).listFlavors();
        }
        assertEquals(2, stub.tokenRequests(), "past half its life: renewed, not used until it expires");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCreateRefusedWith50401IsSentOnceMoreWithOneNewToken(Transport transport) {
        issuesOldThenNew();
        stub.server.stubFor(post(urlPathEqualTo(VOLUMES)).withHeader("X-Auth-Token", equalTo(OLD))
                .willReturn(WireMockService.json(Envelopes.tokenInvalid())));
        stub.server.stubFor(post(urlPathEqualTo(VOLUMES)).withHeader("X-Auth-Token", equalTo(NEW))
                .willReturn(WireMockService.json(ContractModel.bundled().operation("createVolume").successExamples()
                        .values().iterator().next().toString())));
        try (ToastComputeClient client = client(transport)) {
            client.api(FlavorApi.class).listFlavors(); // OLD in use, and the client thinks it valid for an hour
            client.api(BlockStorageApi.class).createVolume(volume());
        }
        assertEquals(2, stub.tokenRequests(), "exactly one re-issue");
        assertEquals(1, stub.count(postRequestedFor(urlPathEqualTo(VOLUMES)).withHeader("X-Auth-Token", equalTo(OLD))));
        assertEquals(1, stub.count(postRequestedFor(urlPathEqualTo(VOLUMES)).withHeader("X-Auth-Token", equalTo(NEW))),
                "refused before anything was done, the create is sent once more, and only once");
        Report.line(SUITE, "50401 on createVolume on " + transport + ": 1 re-issue, create sent once with the old and once with the new token");
    }

    @Test
    void aSecond50401EndsInAnAuthenticationExceptionAfterOneReissue() {
        issuesOldThenNew();
        stub.server.stubFor(post(urlPathEqualTo(VOLUMES)).willReturn(WireMockService.json(Envelopes.tokenInvalid())));
        try (ToastComputeClient client = client(Transport.APACHE_HC5)) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> client.api(BlockStorageApi.class).createVolume(volume()));
            assertEquals(50401, e.resultCode());
            assertEquals("createVolume", e.operation());
        }
        assertEquals(2, stub.tokenRequests());
        assertEquals(2, stub.count(postRequestedFor(urlPathEqualTo(VOLUMES))), "no loop: one re-issue, one more attempt");
    }

    @Test
    void whenTheReissueItselfFailsTheCallIsNotSentAgain() {
        stub.server.stubFor(post(urlPathEqualTo(StubPaths.TOKENS)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMockService.json(Envelopes.token(OLD, stub.clock.instant().plus(Duration.ofHours(1)))))
                .willSetStateTo("broken"));
        stub.server.stubFor(post(urlPathEqualTo(StubPaths.TOKENS)).inScenario("tokens").whenScenarioStateIs("broken")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503).withBody("<html>down</html>")));
        stub.server.stubFor(post(urlPathEqualTo(VOLUMES)).willReturn(WireMockService.json(Envelopes.tokenInvalid())));
        try (ToastComputeClient client = client(Transport.APACHE_HC5)) {
            client.api(FlavorApi.class).listFlavors();
            ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                    () -> client.api(BlockStorageApi.class).createVolume(volume()));
            assertEquals("issueToken", e.operation(), "the failure names the token request, not the create");
        }
        assertEquals(1, stub.count(postRequestedFor(urlPathEqualTo(VOLUMES))), "the create went once, with the token refused");
        assertEquals(2, stub.tokenRequests());
    }

    private static VolumeCreateRequest volume() {
        return (VolumeCreateRequest) ContractCalls.plain(ContractModel.bundled().operation("createVolume")).arguments()[0];
    }
}
