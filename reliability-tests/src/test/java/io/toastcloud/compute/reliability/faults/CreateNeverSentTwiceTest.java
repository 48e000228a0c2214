package io.toastcloud.compute.reliability.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.emulator.control.FaultRule;
import io.toastcloud.compute.reliability.support.EmulatedService;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.error.ToastComputeException;
import io.toastcloud.compute.client.RetryPolicy;
import io.toastcloud.compute.reliability.support.Bounds;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.ContractCalls;
import io.toastcloud.compute.testsupport.ContractModel;
import io.toastcloud.compute.testsupport.ContractModel.Operation;
import io.toastcloud.compute.testsupport.Envelopes;
import io.toastcloud.compute.testsupport.ManualClock;
import io.toastcloud.compute.testsupport.RawHttpServer;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.reliability.support.Secrets;
import io.toastcloud.compute.testsupport.WireMockService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue case 1, "a create is never sent twice": each of the contract's creates
 * ({@code x-idempotent: false}), under every fault that may hide whether the first attempt was
 * carried out, on every transport, reaches the stub exactly once and ends in the fault's typed
 * exception, with a retry policy that would retry a read. Then every operation of the contract
 * under a 502: reads are retried as the policy says, nothing else ever is.
 */
class CreateNeverSentTwiceTest {
    private static final String SUITE = "creates-sent-once";
    /** The creates the issue names; the contract must mark exactly these as not idempotent. */
    private static final Set<String> CREATES = Set.of("createInstance", "createVolume", "createKeypair",
            "createSecurityGroup", "createSecurityGroupRule", "createFloatingIp");
    /**
     * Faults after which the service may or may not have carried out the request. Those of the
     * connection are tried on every transport (an HTTP library may resend on its own); those in
     * the answer are decided by the client's retry policy alone, and tried on the default transport.
     */
    private static final List<ReadFault> CONNECTION_FAULTS = List.of(ReadFault.RESET_BEFORE_ANSWER,
            ReadFault.CLOSED_WITHOUT_ANSWER, ReadFault.SLOWER_THAN_READ_TIMEOUT, ReadFault.RESET_MID_BODY,
            ReadFault.TRUNCATED_BODY);
    private static final List<ReadFault> ANSWER_FAULTS = List.of(ReadFault.HTTP_500, ReadFault.HTTP_502_HTML,
            ReadFault.HTTP_503_RETRY_AFTER, ReadFault.MALFORMED_JSON);
    /** A policy that retries reads eagerly: the creates must not be retried all the same. */
    private static final RetryPolicy EAGER = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofSeconds(2));

    private static final ManualClock CLOCK = new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW);
    private static WireMockService wireMock;
    private static RawHttpServer raw;
    private static EmulatedService emulator;
    private static FaultRule emulatedRule;
    private static volatile RawHttpServer.Reply rawReply;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeAll
    static void start() throws Exception {
        wireMock = new WireMockService(Secrets.APPKEY, CLOCK);
        emulator = new EmulatedService();
        raw = new RawHttpServer(r -> r.path().endsWith("/tokens")
                ? RawHttpServer.json(Envelopes.token(Secrets.TOKEN_ID, CLOCK.instant().plus(Duration.ofHours(1))))
                : rawReply);
    }

    @AfterAll
    static void stop() throws Exception {
        wireMock.close();
        raw.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        wireMock.reset();
        wireMock.issuesTokens(Secrets.TOKEN_ID);
        raw.clearRequests();
        emulator.clearFaults();
    }

    @Test
    void theContractMarksExactlyTheSixCreatesNotIdempotent() {
        Set<String> marked = ContractModel.bundled().operations().stream().filter(Operation::isCreate)
                .map(Operation::id).collect(Collectors.toSet());
        assertEquals(CREATES, marked);
    }

    static Stream<Arguments> createsUnderFaultsOnEveryTransport() {
        return CREATES.stream().sorted().flatMap(op -> Stream.concat(
                ANSWER_FAULTS.stream().map(f -> Arguments.of(op, f, Transport.APACHE_HC5)),
                CONNECTION_FAULTS.stream().flatMap(f -> Stream.of(Transport.values())
                        .filter(t -> waitedOutOnEveryTransport(op, f, t)).map(t -> Arguments.of(op, f, t)))));
    }

    /**
     * A read timeout is waited out, so it is tried for every create on the default transport and
     * for one create on the others: what an HTTP library does after a timed-out POST does not
     * depend on the path.
     */
    private static boolean waitedOutOnEveryTransport(String op, ReadFault fault, Transport transport) {
        return !fault.aboutTimeouts() || transport == Transport.APACHE_HC5 || "createVolume".equals(op);
    }

    @ParameterizedTest(name = "{0} under {1} on {2}")
    @MethodSource("createsUnderFaultsOnEveryTransport")
    void aCreateReachesTheServiceExactlyOnce(String operationId, ReadFault fault, Transport transport) {
        Operation op = ContractModel.bundled().operation(operationId);
        String endpoint = install(op, fault);
        Duration readTimeout = fault.aboutTimeouts() ? Clients.SHORT_READ_TIMEOUT : Clients.READ_TIMEOUT;
        ToastComputeException e;
        try (ToastComputeClient client = Clients.builder(endpoint, transport, CLOCK, sleeper).readTimeout(readTimeout)
                .retryPolicy(EAGER).build()) {
            e = assertTimeoutPreemptively(Bounds.noHang(Clients.CONNECT_TIMEOUT, readTimeout, 1),
                    () -> assertThrows(ToastComputeException.class, () -> ContractCalls.plain(op).invoke(client)));
        }
        int sent = fault.emulated != null ? (int) emulator.applied(emulatedRule)
                : fault.wireMock != null ? wireMock.count(requestedFor(op.method(), urlPathMatching(op.pathRegex())))
                : (int) raw.requests().stream().filter(r -> r.method().equals(op.method()) && r.path().matches(op.pathRegex())).count();
        assertEquals(1, sent, operationId + " reached the service " + sent + " times");
        assertInstanceOf(fault.expectedOn(transport), e);
        assertEquals(operationId, e.operation());
        assertTrue(sleeper.sleeps().isEmpty(), "no retry was even scheduled");
        if (fault == ReadFault.HTTP_503_RETRY_AFTER) {
            assertTrue(((ServiceUnavailableException) e).retryAfter().isPresent(), "Retry-After is handed to the caller");
        }
        Report.line(SUITE, operationId + " | " + fault + " | " + transport + " | sent " + sent + " | "
                + e.getClass().getSimpleName());
    }

    /**
     * Every operation of the contract under the emulator's 502 (one rule per operation, the token
     * issue left alone): reads retried as the policy says, everything else sent once.
     */
    @Test
    void onlyReadsAreEverRetried() {
        int reads = 0;
        int writes = 0;
        try (ToastComputeClient client = Clients.builder(emulator.endpoint(), Transport.APACHE_HC5, CLOCK, sleeper)
                .retryPolicy(EAGER).build()) {
            for (Operation op : ContractModel.bundled().operations()) {
                if ("issueToken".equals(op.id())) {
                    continue;
                }
                FaultRule rule = emulator.fault(FaultRule.on(op.id()).gatewayError(502));
                assertThrows(ServiceUnavailableException.class, () -> ContractCalls.plain(op).invoke(client), op.id());
                assertEquals(op.isRead() ? EAGER.maxAttempts() : 1, emulator.applied(rule), op.id() + " " + op.method());
                emulator.server.faults().remove(rule.id());
                if (op.isRead()) {
                    reads++;
                } else {
                    writes++;
                }
            }
        }
        Report.line(SUITE, "under HTTP 502: " + reads + " reads sent " + EAGER.maxAttempts() + " times each, "
                + writes + " writes sent once each");
    }

    private static String install(Operation op, ReadFault fault) {
        if (fault.emulated != null) {
            emulatedRule = emulator.fault(fault.emulated.rule(op.id()));
            return emulator.endpoint();
        }
        if (fault.wireMock != null) {
            wireMock.server.stubFor(request(op.method(), urlPathMatching(op.pathRegex())).willReturn(fault.wireMock.get()));
            return wireMock.endpoint();
        }
        rawReply = fault.raw;
        return raw.endpoint();
    }
}
