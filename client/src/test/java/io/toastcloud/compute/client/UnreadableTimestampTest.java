package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.model.Keypair;
import io.toastcloud.compute.model.Token;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A response timestamp the client cannot read is read as {@code null} with a warning
 * (spec/DECISIONS.md D51): the call the service has carried out does not fail for it.
 */
class UnreadableTimestampTest {
    private StubService stub;

    @BeforeEach
    void start() {
        stub = new StubService();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void anUnreadableTimestampIsNullAndTheRestOfTheModelIsRead() throws Exception {
        String[] log = new String[1];
        Token token = logged(log, () -> ToastComputeClient.objectMapper().readValue(
                "{\"id\":\"t\",\"expires\":\"tomorrow\",\"issued_at\":\"2017-05-16T02:17:50.166563\"}", Token.class));
        assertNull(token.getExpires());
        assertEquals(Instant.parse("2017-05-16T02:17:50.166563Z"), token.getIssuedAt());
        assertEquals("t", token.getId());
        assertTrue(log[0].contains("Token.expires") && log[0].contains("'tomorrow'") && log[0].contains("read as null"), log[0]);
    }

    @Test
    void aTimestampThatIsNotAStringIsNullToo() throws Exception {
        String[] log = new String[1];
        Keypair k = logged(log, () -> ToastComputeClient.objectMapper().readValue(
                "{\"name\":\"k\",\"createdAt\":{\"epoch\":1494901070},\"fingerprint\":\"f\"}", Keypair.class));
        assertNull(k.getCreatedAt());
        assertEquals("f", k.getFingerprint(), "the fields after it are still read");
        assertTrue(log[0].contains("Keypair.createdAt"), log[0]);
    }

    @Test
    void aCallWhoseAnswerHasAnUnreadableTimestampStillSucceeds() {
        stub.issuesToken("tok-1");
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/keypairs")).willReturn(json(ok(
                "\"keypairs\":[{\"name\":\"k\",\"publicKey\":\"ssh-rsa AAAA\",\"fingerprint\":\"f\",\"createdAt\":\"16/05/2017\"}]"))));
        try (ToastComputeClient client = stub.client()) {
            Keypair k = client.api(KeypairApi.class).listKeypairs().getKeypairs().get(0);
            assertEquals("k", k.getName());
            assertNull(k.getCreatedAt());
        }
    }

    @Test
    void aTokenWithoutAReadableExpiryIsRefusedByName() {
        stub.server.stubFor(post(urlPathEqualTo(BASE + "/tokens")).willReturn(json(StubService.tokenBody("tok-1",
                Instant.parse("2017-05-16T03:17:50Z")).replace("2017-05-16T03:17:50", "soon"))));
        try (ToastComputeClient client = stub.client()) {
            MalformedResponseException e = assertThrows(MalformedResponseException.class,
                    () -> client.api(KeypairApi.class).listKeypairs());
            assertTrue(e.getMessage().contains("readable expires"), e.getMessage());
        }
    }

    /** The test log file (src/test/resources/simplelogger.properties): what {@code call} adds goes to {@code log[0]}. */
    private static <T> T logged(String[] log, Callable<T> call) throws Exception {
        Path file = Path.of("target/test-trace.log");
        long before = Files.exists(file) ? Files.size(file) : 0;
        try {
            return call.call();
        } finally {
            byte[] all = Files.readAllBytes(file);
            log[0] = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
        }
    }
}
