package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.Logger;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.ImageApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.client.error.ToastComputeException;
import io.toastcloud.compute.model.CreatedKeypair;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.TokenAuth;
import io.toastcloud.compute.model.TokenIssueRequest;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Known secret values go through every path that prints text (FULL wire logging, SLF4J at TRACE
 * for every library, toString(), exception messages and stack traces) and must never come out.
 */
class SecretsTest {
    private static final String TOKEN = "tok-5ecret-7f1c5e2a-3b4d-4e6f";
    private static final String PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\\nMIIEpr1vateKeyMaterial0nly4T3sts\\n-----END RSA PRIVATE KEY-----\\n";
    private static final String PRIVATE_KEY_MATERIAL = "MIIEpr1vateKeyMaterial0nly4T3sts";
    private static final Path LOG = Path.of("target/test-trace.log");

    private StubService stub;
    private final List<String> printed = new ArrayList<>();

    @BeforeEach
    void start() {
        stub = new StubService();
        stub.issuesToken(TOKEN);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private void assertNoSecret(String text, String where) {
        for (String secret : List.of(StubService.PASSWORD, TOKEN, PRIVATE_KEY_MATERIAL)) {
            assertFalse(text.contains(secret), where + " contains a secret: " + text);
        }
    }

    private void capture(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        printed.add(trace.toString());
        printed.add(String.valueOf(e.getMessage()));
    }

    @Test
    void noSecretInLogsToStringOrExceptions() throws Exception {
        stub.server.stubFor(post(urlPathEqualTo(BASE + "/keypairs")).willReturn(json(ok(
                "\"keypair\":{\"name\":\"k\",\"publicKey\":\"ssh-rsa AAA\",\"fingerprint\":\"f\",\"privateKey\":\"" + PRIVATE_KEY + "\"}"))));
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/tokens")).willReturn(json(StubService.tokenBody(TOKEN,
                stub.clock.instant().plusSeconds(3600)))));
        // A proxy that echoes the request back in an error page, secrets included.
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(aResponse().withStatus(400)
                .withBody("{\"echo\":{\"auth\":{\"password\":\"" + StubService.PASSWORD + "\"},\"X-Auth-Token\":\"" + TOKEN + "\"}}")));
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images")).willReturn(json("{\"access\":{\"token\":{\"id\":\"" + TOKEN + "\",")));

        try (ToastComputeClient client = stub.clientBuilder().logLevel(Logger.Level.FULL).build()) {
            CreatedKeypair keypair = client.api(KeypairApi.class).createKeypair(
                    new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("k"))).getKeypair();
            assertTrue(keypair.getPrivateKey().contains(PRIVATE_KEY_MATERIAL), "the caller still gets the key");
            printed.add(keypair.toString());
            printed.add(client.api(TokenApi.class).getToken(TOKEN).toString());
            capture(assertThrows(ToastComputeException.class, () -> client.api(FlavorApi.class).listFlavors()));
            capture(assertThrows(ToastComputeException.class, () -> client.api(ImageApi.class).listImages()));
            printed.add(client.toString());
            printed.add(new TokenIssueRequest().auth(new TokenAuth().username("u").password(StubService.PASSWORD)).toString());
            printed.add(Credentials.of("u", StubService.PASSWORD).toString());
        }
        // The stub on a closed port: a connection failure whose message names the URL.
        try (ToastComputeClient client = ToastComputeClient.builder().appkey("a").credentials("u", StubService.PASSWORD)
                .endpoint("http://127.0.0.1:1").logLevel(Logger.Level.FULL).build()) {
            capture(assertThrows(ToastComputeException.class, () -> client.api(TokenApi.class).getToken(TOKEN)));
        }

        for (String text : printed) {
            assertNoSecret(text, "printed text");
        }
        String log = Files.readString(LOG);
        assertNoSecret(log, LOG.toString());
        assertTrue(log.contains("X-Auth-Token: *** redacted ***"), "FULL logging ran and redacted the header");
        assertTrue(log.contains("\"password\":\"*** redacted ***\""), "FULL logging ran and redacted the password");
        assertTrue(log.contains("org.apache.hc.client5"), "Apache HttpClient logged at TRACE too");
    }

    private void answersKeypair(String escapedPrivateKey) {
        stub.server.stubFor(post(urlPathEqualTo(BASE + "/keypairs")).willReturn(json(ok(
                "\"keypair\":{\"name\":\"k\",\"publicKey\":\"ssh-rsa AAA\",\"fingerprint\":\"f\",\"privateKey\":\""
                        + escapedPrivateKey + "\",\"userId\":\"u\"}"))));
    }

    private static CreatedKeypair createKeypair(ToastComputeClient client) {
        return client.api(KeypairApi.class).createKeypair(
                new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("k"))).getKeypair();
    }

    /** Issue 12, case 1: FULL logging of a generated key pair (a 2.4 KB private key) overflowed the stack and lost the key. */
    @Test
    void fullLoggingOfAGeneratedKeyPairReturnsIt() throws Exception {
        String pem = GeneratedKeyPairs.privateKeyPem();
        answersKeypair(pem.replace("\n", "\\n"));
        long logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
        try (ToastComputeClient client = stub.clientBuilder().logLevel(Logger.Level.FULL).build()) {
            assertEquals(pem, createKeypair(client).getPrivateKey(), "the caller gets the whole key");
        }
        String log = Files.readString(LOG).substring((int) logStart);
        for (String line : GeneratedKeyPairs.keyLines(pem)) {
            assertFalse(log.contains(line), "a line of the private key reached the log");
        }
        assertTrue(log.contains("\"privateKey\":\"*** redacted ***\""), "FULL logging ran and redacted the key");
    }

    /** Issue 12, case 1: whatever goes wrong while an exchange is logged, a call whose answer arrived returns it. */
    @Test
    void aWireLoggerThatFailsDoesNotFailTheCall() {
        answersKeypair("-----BEGIN RSA PRIVATE KEY-----\\n" + PRIVATE_KEY_MATERIAL);
        org.slf4j.Logger failing = (org.slf4j.Logger) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {org.slf4j.Logger.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("is")) {
                        return true;
                    }
                    if (method.getName().equals("debug") && args != null && String.valueOf(args[0]).contains("keypair")) {
                        throw new IllegalStateException("the log appender failed");
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });
        try (ToastComputeClient client = stub.clientBuilder().logLevel(Logger.Level.FULL).logger(failing).build()) {
            assertTrue(createKeypair(client).getPrivateKey().contains(PRIVATE_KEY_MATERIAL));
        }
    }

    /** Issue 12, case 2: after 16 token issues the API password was evicted and no longer cut out of free text. */
    @Test
    void thePasswordStaysRedactedAfterManyTokenIssues() {
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(aResponse().withStatus(502)
                .withBody("proxy error; request was: user=" + StubService.USER + " password " + StubService.PASSWORD)));
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images")).willReturn(json(ok("\"images\":[]"))));
        List<String> tokens = new ArrayList<>();
        try (ToastComputeClient client = stub.clientBuilder().tokenRenewAhead(Duration.ofMinutes(1)).build()) {
            for (int i = 0; i < 40; i++) {
                String token = "tok-issued-" + i + "-5ecret";
                tokens.add(token);
                stub.issuesToken(token);
                client.api(ImageApi.class).listImages();
                stub.clock.advance(Duration.ofHours(2)); // expired: the next call issues another
            }
            assertEquals(40, client.tokenManager().issueCount());
            stub.issuesToken(TOKEN);
            capture(assertThrows(ToastComputeException.class, () -> client.api(FlavorApi.class).listFlavors()));
        }
        for (String text : printed) {
            assertNoSecret(text, "an exception after 40 token issues");
        }
    }

    /** Issue 12, case 1: an exception that comes from another (here Jackson's) carries it as its cause, secrets cut out. */
    @Test
    void aFailureCarriesItsCauseWithoutSecrets() {
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images")).willReturn(json("{\"access\":{\"token\":{\"id\":\"" + TOKEN + "\",")));
        try (ToastComputeClient client = stub.client()) {
            ToastComputeException e = assertThrows(ToastComputeException.class, () -> client.api(ImageApi.class).listImages());
            assertNotNull(e.getCause(), () -> "no cause: " + e);
            capture(e);
        }
        for (String text : printed) {
            assertNoSecret(text, "an exception or its cause");
        }
    }
}
