package io.toastcloud.compute.reliability.faults;

import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.reliability.support.Secrets;

import io.toastcloud.compute.reliability.support.StubPaths;

import io.toastcloud.compute.testsupport.ManualClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.error.AuthenticationException;
import io.toastcloud.compute.client.error.InvalidParametersException;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.error.ToastComputeException;
import io.toastcloud.compute.client.error.ToastConnectionException;
import io.toastcloud.compute.client.error.ToastTimeoutException;
import io.toastcloud.compute.client.RetryPolicy;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.reliability.support.Bounds;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.ContractCalls;
import io.toastcloud.compute.testsupport.ContractModel;
import io.toastcloud.compute.testsupport.Envelopes;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.testsupport.WireMockService;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue case 1, "the token endpoint itself failing": the call that needed the token ends in the
 * typed exception of the token request's fault, naming {@code issueToken}; the call itself is
 * never sent; a create costs one token request, a read as many as its retry policy allows; and
 * once the endpoint recovers, the same client works.
 */
class TokenEndpointFailureTest {
    private static final String SUITE = "token-endpoint";
    private static final String FLAVORS = StubPaths.BASE + "/flavors";
    private static final String VOLUMES = StubPaths.BASE + "/volumes";
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1));

    enum TokenFault {
        HTTP_500(ServiceUnavailableException.class, true, () -> aResponse().withStatus(500).withBody("Internal Server Error")),
        HTTP_503_HTML(ServiceUnavailableException.class, true,
                () -> aResponse().withStatus(503).withBody("<html><body>503 Service Unavailable</body></html>")),
        MALFORMED_BODY(MalformedResponseException.class, false, () -> WireMockService.json("{\"header\":{\"isSucc")),
        SUCCESS_WITHOUT_TOKEN(MalformedResponseException.class, false, () -> WireMockService.json(Envelopes.ok(""))),
        TIMEOUT(ToastTimeoutException.class, true,
                () -> WireMockService.json(Envelopes.ok("")).withFixedDelay((int) Clients.SHORT_READ_TIMEOUT.toMillis() * 3)),
        CONNECTION_RESET(ToastConnectionException.class, true, () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        WRONG_CREDENTIALS_MINUS_1(AuthenticationException.class, false,
                () -> WireMockService.json(Envelopes.failure(-1, "FAIL : Authentication failed."))),
        INVALID_PARAMETERS_MINUS_4(InvalidParametersException.class, false,
                () -> WireMockService.json(Envelopes.failure(-4, "Invalid parameters : appkey")));

        final Class<? extends ToastComputeException> expected;
        final boolean transientFault;
        final Supplier<ResponseDefinitionBuilder> answer;

        TokenFault(Class<? extends ToastComputeException> expected, boolean transientFault, Supplier<ResponseDefinitionBuilder> answer) {
            this.expected = expected;
            this.transientFault = transientFault;
            this.answer = answer;
        }
    }

    private static WireMockService stub;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeAll
    static void start() {
        stub = new WireMockService(Secrets.APPKEY, new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW));
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void reset() {
        stub.reset();
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(WireMockService.json(Envelopes.flavors())));
        stub.server.stubFor(post(urlPathEqualTo(VOLUMES)).willReturn(WireMockService.json(ContractModel.bundled()
                .operation("createVolume").successExamples().values().iterator().next().toString())));
    }

    @ParameterizedTest
    @EnumSource(TokenFault.class)
    void theCallFailsTypedNamingTheTokenRequestAndIsNeverSent(TokenFault fault) {
        stub.server.stubFor(post(urlPathEqualTo(StubPaths.TOKENS)).willReturn(fault.answer.get()));
        Duration readTimeout = fault == TokenFault.TIMEOUT ? Clients.SHORT_READ_TIMEOUT : Clients.READ_TIMEOUT;
        Duration bound = Bounds.noHang(Clients.CONNECT_TIMEOUT, readTimeout, POLICY.maxAttempts());
        try (ToastComputeClient client = Clients.builder(stub.endpoint(), Transport.APACHE_HC5, stub.clock, sleeper)
                .readTimeout(readTimeout).retryPolicy(POLICY).build()) {
            ToastComputeException onCreate = assertTimeoutPreemptively(bound, () -> assertThrows(ToastComputeException.class,
                    () -> client.api(BlockStorageApi.class).createVolume(volume())));
            int afterCreate = stub.tokenRequests();
            ToastComputeException onRead = assertTimeoutPreemptively(bound, () -> assertThrows(ToastComputeException.class,
                    () -> client.api(FlavorApi.class).listFlavors()));
            int forRead = stub.tokenRequests() - afterCreate;
            for (ToastComputeException e : new ToastComputeException[] {onCreate, onRead}) {
                assertInstanceOf(fault.expected, e);
                assertEquals("issueToken", e.operation(), "the exception names the request that failed");
            }
            assertEquals(0, stub.count(postRequestedFor(urlPathEqualTo(VOLUMES))), "the create was never sent");
            assertEquals(0, stub.count(getRequestedFor(urlPathEqualTo(FLAVORS))), "the read was never sent");
            assertEquals(1, afterCreate, "a create is not retried: one token request");
            assertEquals(fault.transientFault ? POLICY.maxAttempts() : 1, forRead, "a read: one token request per attempt");

            stub.issuesTokens(Secrets.TOKEN_ID); // the endpoint recovers
            client.api(FlavorApi.class).listFlavors();
            assertEquals(1, stub.count(getRequestedFor(urlPathEqualTo(FLAVORS))), "the same client works again");
            Report.line(SUITE, fault + " -> " + onCreate.getClass().getSimpleName() + "; create: 1 token request, 0 sent;"
                    + " read: " + forRead + " token requests, 0 sent; then recovered | " + onCreate.getMessage());
        }
    }

    private static VolumeCreateRequest volume() {
        return (VolumeCreateRequest) ContractCalls.plain(ContractModel.bundled().operation("createVolume")).arguments()[0];
    }
}
