package io.toastcloud.compute.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.error.AuthenticationException;
import io.toastcloud.compute.client.error.ConflictException;
import io.toastcloud.compute.client.error.InvalidParametersException;
import io.toastcloud.compute.client.error.NoAvailableIpException;
import io.toastcloud.compute.client.error.ResourceNotFoundException;
import io.toastcloud.compute.client.error.ServerSideException;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.error.ToastConnectionException;
import io.toastcloud.compute.client.error.ToastServiceException;
import io.toastcloud.compute.client.error.ToastTimeoutException;
import io.toastcloud.compute.emulator.control.FaultRule;
import io.toastcloud.compute.emulator.control.FaultRules;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of fault rule through the Java client, as a user tests their own error handling:
 * result codes become the client's typed exceptions, a token the service calls invalid is
 * re-issued, reads are retried on 502/503 and dropped connections (honouring Retry-After),
 * creates never are. Rules are set with {@code EmulatorServer#faults()}. The client's pauses
 * are recorded instead of slept.
 */
class FaultRulesClientTest {
    private static EmulatorHarness emulator;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        emulator = EmulatorHarness.inRealTime(Delays.uniform(Duration.ofMillis(5)), b -> { });
    }

    @AfterEach
    void verify() {
        emulator.server.faults().clear();
        emulator.verify();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private ToastComputeClient client(Duration readTimeout) {
        return ToastComputeClient.builder().appkey(EmulatorHarness.freshAppkey())
                .credentials(EmulatorUser.DEFAULT.name(), EmulatorUser.DEFAULT.password())
                .endpoint(emulator.server.endpoint()).readTimeout(readTimeout).sleeper(pauses::add).build();
    }

    private ToastComputeClient client() {
        return client(Duration.ofSeconds(10));
    }

    private static FaultRule add(FaultRule.Builder rule) {
        return emulator.server.faults().add(rule);
    }

    private static long applied(FaultRule rule) {
        return emulator.server.faults().list().stream().filter(l -> l.rule().id().equals(rule.id()))
                .mapToLong(FaultRules.Listed::applied).findFirst().orElse(-1);
    }

    private static KeypairCreateRequest keypair(String name) {
        return new KeypairCreateRequest().keypair(new KeypairCreateSpec().name(name).publicKey(SshKeysTest.ED25519));
    }

    @Test
    void resultCodesBecomeTheClientsTypedExceptions() {
        Map<Integer, Class<? extends ToastServiceException>> expected = Map.of(
                -2, ServerSideException.class, -4, InvalidParametersException.class, -5, ResourceNotFoundException.class,
                10409, ConflictException.class, 20001, NoAvailableIpException.class, 30404, ResourceNotFoundException.class);
        try (ToastComputeClient c = client()) {
            c.api(FlavorApi.class).listFlavors(); // the token first: the rules below are for listFlavors only
            expected.forEach((code, type) -> {
                add(FaultRule.on("listFlavors").resultCode(code).times(1));
                ToastServiceException e = assertThrows(ToastServiceException.class, () -> c.api(FlavorApi.class).listFlavors());
                assertInstanceOf(type, e, code + " -> " + e);
                assertEquals(code, e.resultCode());
                assertEquals("listFlavors", e.operation());
            });
            assertTrue(pauses.isEmpty(), "a service's answer is not a transient fault: no retry");
            c.api(FlavorApi.class).listFlavors();
        }
    }

    @Test
    void aTokenTheServiceCallsInvalidIsReissuedOnce() {
        try (ToastComputeClient c = client()) {
            c.api(FlavorApi.class).listFlavors();
            FaultRule once = add(FaultRule.on("listFlavors").resultCode(50401).times(1));
            c.api(FlavorApi.class).listFlavors();
            assertEquals(2, c.tokenManager().issueCount(), "a new token, transparently");
            assertTrue(emulator.server.faults().list().isEmpty(), "the rule was used: " + once);

            add(FaultRule.on("listFlavors").resultCode(50401));
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.api(FlavorApi.class).listFlavors());
            assertEquals(50401, e.resultCode());
            assertEquals(3, c.tokenManager().issueCount(), "re-issued once, not again and again");
        }
    }

    @Test
    void aReadIsRetriedOnGatewayErrorsWithJitteredPauses() {
        try (ToastComputeClient c = client()) {
            c.api(FlavorApi.class).listFlavors();
            FaultRule rule = add(FaultRule.on("listFlavors").gatewayError(503).times(2));
            assertFalse(c.api(FlavorApi.class).listFlavors().getFlavors().isEmpty());
            assertEquals(2, pauses.size(), "two retries: " + pauses);
            pauses.forEach(p -> assertTrue(p.compareTo(Duration.ofSeconds(5)) <= 0, "within the policy's cap: " + p));
            assertTrue(emulator.server.faults().list().isEmpty(), "both calls of " + rule.id() + " used");
        }
    }

    @Test
    void aReadHonoursRetryAfterOn502And503() {
        try (ToastComputeClient c = client()) {
            c.api(FlavorApi.class).listFlavors();
            add(FaultRule.on("listFlavors").gatewayError(503, Duration.ofSeconds(1)).times(1));
            add(FaultRule.on("listFlavors").gatewayError(502, Duration.ofSeconds(2)).times(1));
            c.api(FlavorApi.class).listFlavors();
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pauses);
        }
    }

    @Test
    void aRetryAfterLongerThanThePolicyAllowsIsNotWaitedFor() {
        try (ToastComputeClient c = client()) {
            c.api(FlavorApi.class).listFlavors();
            FaultRule rule = add(FaultRule.on("listFlavors").gatewayError(503, Duration.ofSeconds(60)));
            ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> c.api(FlavorApi.class).listFlavors());
            assertEquals(503, e.status());
            assertEquals(Duration.ofSeconds(60), e.retryAfter().orElseThrow());
            assertEquals(1, applied(rule));
            assertTrue(pauses.isEmpty());
        }
    }

    @Test
    void aReadGivesUpAfterThePolicysAttempts() {
        try (ToastComputeClient c = client()) {
            c.api(FlavorApi.class).listFlavors();
            FaultRule rule = add(FaultRule.on("listFlavors").gatewayError(502));
            ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> c.api(FlavorApi.class).listFlavors());
            assertEquals(502, e.status());
            assertTrue(e.bodyExcerpt().contains("Bad Gateway"), e.bodyExcerpt());
            assertEquals(3, applied(rule), "three attempts in all");
        }
    }

    @Test
    void aCreateIsNeverRetriedOnAGatewayError() {
        try (ToastComputeClient c = client()) {
            c.api(FlavorApi.class).listFlavors();
            FaultRule rule = add(FaultRule.on("createKeypair").gatewayError(503, Duration.ofSeconds(1)));
            ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                    () -> c.api(KeypairApi.class).createKeypair(keypair("k")));
            assertEquals("createKeypair", e.operation());
            assertEquals(1, applied(rule), "sent once");
            assertTrue(pauses.isEmpty());
            emulator.server.faults().clear();
            assertTrue(c.api(KeypairApi.class).listKeypairs().getKeypairs().isEmpty(), "the gateway let nothing through");
        }
    }

    @Test
    void aDroppedConnectionIsRetriedForAReadAndNotForACreate() {
        try (ToastComputeClient c = client()) {
            c.api(FlavorApi.class).listFlavors();
            add(FaultRule.on("listFlavors").dropConnection().times(1));
            c.api(FlavorApi.class).listFlavors();
            assertEquals(1, pauses.size(), "one retry: " + pauses);

            FaultRule create = add(FaultRule.on("createKeypair").dropConnection());
            ToastConnectionException e = assertThrows(ToastConnectionException.class,
                    () -> c.api(KeypairApi.class).createKeypair(keypair("k")));
            assertEquals("createKeypair", e.operation());
            assertEquals(1, applied(create), "sent once");
        }
    }

    @Test
    void latencyBeyondTheReadTimeoutIsATimeoutRetriedForAReadOnly() {
        try (ToastComputeClient c = client(Duration.ofMillis(300))) {
            c.api(FlavorApi.class).listFlavors();
            add(FaultRule.on("listFlavors").latency(Duration.ofMillis(1200)).times(1));
            c.api(FlavorApi.class).listFlavors();
            assertEquals(1, pauses.size(), "the slow first attempt timed out and was retried: " + pauses);

            FaultRule slowCreate = add(FaultRule.on("createKeypair").latency(Duration.ofMillis(1200)));
            assertThrows(ToastTimeoutException.class, () -> c.api(KeypairApi.class).createKeypair(keypair("k")));
            assertEquals(1, applied(slowCreate), "sent once");
        }
    }

    @Test
    void aRuleForEveryOperationReachesTheTokenIssueToo() {
        try (ToastComputeClient c = client()) {
            add(FaultRule.onEveryOperation().resultCode(-1).times(1));
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.api(FlavorApi.class).listFlavors());
            assertEquals("issueToken", e.operation());
            c.api(FlavorApi.class).listFlavors();
        }
    }
}
