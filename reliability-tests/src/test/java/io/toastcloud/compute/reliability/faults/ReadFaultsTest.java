package io.toastcloud.compute.reliability.faults;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.reliability.support.StubPaths;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.error.ToastComputeException;
import io.toastcloud.compute.client.RetryPolicy;
import io.toastcloud.compute.reliability.support.Bounds;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.EmulatedService;
import io.toastcloud.compute.emulator.control.FaultRule;
import io.toastcloud.compute.testsupport.Envelopes;
import io.toastcloud.compute.testsupport.ManualClock;
import io.toastcloud.compute.testsupport.RawHttpServer;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.reliability.support.Secrets;
import io.toastcloud.compute.reliability.support.UnansweredListener;
import io.toastcloud.compute.testsupport.WireMockService;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue case 1, faults on a read: every fault, on every transport, ends within a bound derived
 * from the configured timeouts in the typed exception for that fault, after exactly the retries
 * the policy allows (transient faults) or none (faults in the answer itself).
 */
class ReadFaultsTest {
    private static final String SUITE = "read-faults";
    private static final String FLAVORS = StubPaths.BASE + "/flavors";
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));
    private static final Duration SHORT_CONNECT_TIMEOUT = Duration.ofMillis(250);

    private static final ManualClock CLOCK = new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW);
    private static WireMockService wireMock;
    private static RawHttpServer raw;
    private static EmulatedService emulator;
    private static FaultRule emulatedRule;
    private static volatile RawHttpServer.Reply rawReply;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeAll
    static void startStubs() throws Exception {
        wireMock = new WireMockService(Secrets.APPKEY, CLOCK);
        emulator = new EmulatedService();
        raw = new RawHttpServer(request -> request.path().endsWith("/tokens")
                ? RawHttpServer.json(Envelopes.token(Secrets.TOKEN_ID, CLOCK.instant().plus(Duration.ofHours(1))))
                : rawReply);
    }

    @AfterAll
    static void stopStubs() throws Exception {
        wireMock.close();
        raw.close();
        emulator.close();
    }

    @BeforeEach
    void resetStubs() {
        wireMock.reset();
        wireMock.issuesTokens(Secrets.TOKEN_ID);
        raw.clearRequests();
        emulator.clearFaults();
    }

    static Stream<Arguments> faultsOnEveryTransport() {
        return Stream.of(ReadFault.values()).flatMap(f -> Stream.of(Transport.values()).map(t -> Arguments.of(f, t)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("faultsOnEveryTransport")
    void aReadEndsTypedWithinTheTimeoutsAfterBoundedRetries(ReadFault fault, Transport transport) throws Exception {
        ToastComputeException e;
        Duration readTimeout = fault.aboutTimeouts() ? Clients.SHORT_READ_TIMEOUT : Clients.READ_TIMEOUT;
        Duration connectTimeout = fault == ReadFault.CONNECT_TIMEOUT ? SHORT_CONNECT_TIMEOUT : Clients.CONNECT_TIMEOUT;
        try (UnansweredListener unanswered = fault == ReadFault.CONNECT_TIMEOUT ? new UnansweredListener() : null) {
            String endpoint = unanswered != null ? unanswered.endpoint() : install(fault);
            try (ToastComputeClient client = Clients.builder(endpoint, transport, CLOCK, sleeper).readTimeout(readTimeout)
                    .connectTimeout(connectTimeout).retryPolicy(POLICY).build()) {
                Duration bound = Bounds.noHang(connectTimeout, readTimeout, POLICY.maxAttempts());
                e = assertTimeoutPreemptively(bound, () -> assertThrows(ToastComputeException.class,
                        () -> client.api(FlavorApi.class).listFlavors()));
            }
        }
        int sent = requestsSeen(fault);

        assertInstanceOf(fault.expectedOn(transport), e, () -> "wrong type: " + e);
        assertTrue(e.getClass() != ToastComputeException.class, "the root type says nothing: " + e);
        assertEquals(fault.beforeAnyRequest() ? "issueToken" : "listFlavors", e.operation());
        assertTrue(e.getMessage().contains(fault.messageFragment), () -> "message does not explain: " + e.getMessage());

        int attempts = fault.transientOn(transport) ? POLICY.maxAttempts() : 1;
        assertEquals(attempts - 1, sleeper.sleeps().size(), "pauses between attempts: " + sleeper.sleeps());
        sleeper.sleeps().forEach(d -> assertTrue(d.compareTo(POLICY.maxDelay()) <= 0, "pause over the cap: " + d));
        if (fault == ReadFault.HTTP_503_RETRY_AFTER) {
            sleeper.sleeps().forEach(d -> assertEquals(Duration.ofSeconds(1), d, "Retry-After is honoured"));
            assertEquals(Duration.ofSeconds(1), ((ServiceUnavailableException) e).retryAfter().orElseThrow());
        }
        if (!fault.beforeAnyRequest()) {
            // The JDK's own clients repeat an idempotent GET once on a connection that died before
            // the answer began; the bound allows that, and the report shows what happened.
            int most = jdkRepeatsGets(transport) && fault.transientOn(transport) ? 2 * attempts : attempts;
            assertTrue(sent >= attempts && sent <= most, "the stub saw " + sent + " requests, expected "
                    + attempts + (most > attempts ? ".." + most : ""));
        }
        Report.line(SUITE, fault + " | " + transport + " | " + e.getClass().getSimpleName() + " | requests " + sent
                + " | pauses " + sleeper.sleeps().size() + " | " + e.getMessage());
    }

    private static boolean jdkRepeatsGets(Transport transport) {
        return transport == Transport.JDK_URL_CONNECTION || transport == Transport.JDK_HTTP_CLIENT;
    }

    private static String install(ReadFault fault) {
        if (fault == ReadFault.CONNECTION_REFUSED) {
            return Clients.refusingEndpoint();
        }
        if (fault.emulated != null) {
            emulatedRule = emulator.fault(fault.emulated.rule("listFlavors"));
            return emulator.endpoint();
        }
        if (fault.wireMock != null) {
            wireMock.server.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(fault.wireMock.get()));
            return wireMock.endpoint();
        }
        rawReply = fault.raw;
        return raw.endpoint();
    }

    private static int requestsSeen(ReadFault fault) {
        if (fault.beforeAnyRequest()) {
            return 0;
        }
        if (fault.emulated != null) {
            return (int) emulator.applied(emulatedRule);
        }
        if (fault.wireMock != null) {
            return wireMock.count(getRequestedFor(urlPathEqualTo(FLAVORS)));
        }
        return (int) raw.requestsTo("GET", "/flavors");
    }
}
