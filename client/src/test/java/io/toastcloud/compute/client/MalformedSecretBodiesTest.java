package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.Logger;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.TokenAuth;
import io.toastcloud.compute.model.TokenIssueRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body that breaks off or is mangled right next to a secret: the token issue's answer (its id
 * is the token) and a key pair create's answer (its private key). The JSON parser quotes the
 * text around the error in its message; the client does not know these secrets yet (it never got
 * them), so only leaving the quoted text out keeps them out of the exception, its causes and the
 * log. The location (line, column) and the operation stay in the message.
 */
class MalformedSecretBodiesTest {
    private static final String TOKEN = "tok5ecret7f1c5e2a3b4d4e6fNeverSeen";
    private static final String KEY = "MIIEpr1vateKeyMaterial0nly4T3stsNeverSeen";
    private static final Path LOG = Path.of("target/test-trace.log");

    /**
     * Token answers whose id is unquoted (followed by more, or cut off), cut off inside the quoted
     * id, or broken just after it.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "\"access\":{\"token\":{\"id\":" + TOKEN + ",\"expires\":\"2017-05-16T03:17:50\"}}",
            "\"access\":{\"token\":{\"id\":" + TOKEN,
            "\"access\":{\"token\":{\"id\":\"" + TOKEN,
            "\"access\":{\"token\":{\"id\":\"" + TOKEN + "\",\"expires\":2017-05-16T03:17:50}}"})
    void aMalformedTokenAnswerDoesNotPrintTheToken(String payload) throws Exception {
        assertNoSecretAnywhere(TOKEN, "/tokens", payload, client -> client.api(TokenApi.class).issueToken(
                new TokenIssueRequest().auth(new TokenAuth().username(StubService.USER).password(StubService.PASSWORD))));
    }

    /** Key pair answers whose private key is unquoted (followed by more, or cut off), cut off inside its quotes, or broken after it. */
    @ParameterizedTest
    @ValueSource(strings = {
            "\"keypair\":{\"name\":\"k\",\"privateKey\":" + KEY + ",\"publicKey\":\"ssh-rsa AAA\"}",
            "\"keypair\":{\"name\":\"k\",\"publicKey\":\"ssh-rsa AAA\",\"privateKey\":" + KEY,
            "\"keypair\":{\"name\":\"k\",\"privateKey\":\"-----BEGIN RSA PRIVATE KEY-----\\n" + KEY,
            "\"keypair\":{\"privateKey\":\"" + KEY + "\",\"publicKey\":ssh-rsa AAA}"})
    void aMalformedKeypairAnswerDoesNotPrintThePrivateKey(String payload) throws Exception {
        assertNoSecretAnywhere(KEY, "/keypairs", payload, client -> client.api(KeypairApi.class).createKeypair(
                new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("k"))));
    }

    private static void assertNoSecretAnywhere(String secret, String path, String payload,
            Consumer<ToastComputeClient> call) throws Exception {
        StubService stub = new StubService();
        try (stub) {
            stub.issuesToken("tok-known-to-the-client");
            stub.server.stubFor(post(urlPathEqualTo(BASE + path)).atPriority(1).willReturn(json(ok(payload))));
            long logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
            List<String> printed = new ArrayList<>();
            try (ToastComputeClient client = stub.clientBuilder().logLevel(Logger.Level.FULL).build()) {
                MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> call.accept(client));
                assertFalse(e.getMessage().contains(secret), "a secret reached the message: " + e.getMessage());
                assertTrue(e.getMessage().matches("(?s).*line \\d+, column \\d+.*"),
                        "the location is kept: " + e.getMessage());
                assertTrue(e.getMessage().startsWith(e.operation()), "the operation is named: " + e.getMessage());
                assertNotNull(e.getCause(), "the parser's exception is kept as the cause");
                for (Throwable t = e; t != null; t = t.getCause()) {
                    printed.add(String.valueOf(t.getMessage()));
                    printed.add(String.valueOf(t.getLocalizedMessage()));
                    printed.add(t.toString());
                }
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                printed.add(trace.toString());
            }
            for (String text : printed) {
                assertFalse(text.contains(secret), "a secret reached exception text: " + text);
            }
            String log = Files.readString(LOG).substring((int) logStart);
            assertTrue(log.contains(path), "the exchange was logged");
            assertFalse(log.contains(secret), "a secret reached the log");
        }
    }
}
