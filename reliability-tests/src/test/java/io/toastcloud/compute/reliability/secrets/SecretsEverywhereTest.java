package io.toastcloud.compute.reliability.secrets;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.reliability.support.StubPaths;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import feign.Logger;
import io.toastcloud.compute.client.Credentials;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.error.ToastComputeException;
import io.toastcloud.compute.client.RetryPolicy;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.TokenAuth;
import io.toastcloud.compute.model.TokenIssueRequest;
import io.toastcloud.compute.reliability.support.ApiCalls;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.ContractAnswers;
import io.toastcloud.compute.reliability.support.ContractCalls;
import io.toastcloud.compute.reliability.support.ContractCalls.Call;
import io.toastcloud.compute.testsupport.ContractModel;
import io.toastcloud.compute.testsupport.ContractModel.Operation;
import io.toastcloud.compute.testsupport.Envelopes;
import io.toastcloud.compute.testsupport.ManualClock;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.reliability.support.Secrets;
import io.toastcloud.compute.testsupport.WireMockService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Issue case 2: every operation of the contract, through every generated method and every
 * request example, on every transport, with Feign logging at FULL, every SLF4J logger at TRACE
 * and java.util.logging routed into SLF4J at its finest level (as an application with
 * jul-to-slf4j does). The stub hands out a known password, token id and private key wherever the
 * contract marks a secret; none of them may appear in any log line, any {@code toString()}, or
 * any exception's message or printed stack trace. Runs in its own JVM (surefire execution
 * {@code secrets-at-trace}) because it turns every logger on.
 */
@Tag("trace-logging")
class SecretsEverywhereTest {
    private static final String SUITE = "secrets";
    private static final Path LOG = Path.of(System.getProperty("reliability.trace.log", "target/secrets-trace.log"));
    /** Well over the 16 token ids the client keeps: the password must outlive any number of them. */
    private static final int TOKEN_ISSUES = 40;

    @BeforeAll
    static void routeJavaUtilLoggingIntoSlf4jAtItsFinest() {
        assertEquals("trace", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"),
                "this suite must run in the secrets-at-trace execution, with every SLF4J logger at TRACE");
        LogManager.getLogManager().reset();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(Level.ALL);
        java.util.logging.Logger.getLogger("reliability.probe").fine("JUL reaches SLF4J");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void noSecretInAnyLogLineToStringOrException(Transport transport) throws Exception {
        long logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
        List<String> printed = new ArrayList<>();
        Set<String> called = new TreeSet<>();
        int calls = 0;
        ManualClock clock = new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW);
        // WireMock, not the emulator: it plants known secrets in every x-secret property of every
        // answer and echoes them in error pages; the emulator makes its own token ids and keys.
        try (WireMockService stub = new WireMockService(Secrets.APPKEY, clock);
                ToastComputeClient client = Clients.builder(stub.endpoint(), transport, clock, new RecordingSleeper())
                        .logLevel(Logger.Level.FULL).retryPolicy(RetryPolicy.NONE).build()) {
            stub.issuesTokens(Secrets.TOKEN_ID); // the client's own token, before the loop reaches issueToken
            // Every success answer of every operation, through every method and request example.
            for (Operation op : ContractModel.bundled().operations()) {
                for (Map.Entry<String, JsonNode> answer : op.successExamples().entrySet()) {
                    ContractAnswers.answer(stub.server, op, ContractAnswers.withPlantedSecrets(answer.getValue()));
                    for (Call call : ContractCalls.everyMethodAndExample(op, true)) {
                        printed.add(String.valueOf(call.invoke(client)));
                        called.add(op.id());
                        calls++;
                    }
                }
            }
            // Every failure answer of every operation.
            for (Operation op : ContractModel.bundled().operations()) {
                for (JsonNode answer : op.failureExamples().values()) {
                    ContractAnswers.answer(stub.server, op, answer.toString());
                    printed.add(text(assertThrows(ToastComputeException.class, () -> ContractCalls.plain(op).invoke(client))));
                    calls++;
                }
                if ("issueToken".equals(op.id())) {
                    stub.issuesTokens(Secrets.TOKEN_ID);
                }
            }
            // Faults whose text could carry a secret: a proxy echoing the request, a broken body
            // holding the token and the key, and the token look-up (token id in its query) failing.
            String echo = "{\"echo\":{\"auth\":{\"password\":\"" + Secrets.PASSWORD + "\"},\"X-Auth-Token\":\"" + Secrets.TOKEN_ID + "\"}}";
            stub.server.stubFor(get(urlPathEqualTo(StubPaths.BASE + "/flavors")).willReturn(aResponse().withStatus(400).withBody(echo)));
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.api(FlavorApi.class).listFlavors())));
            // Answers broken off in the middle of a secret: a generated key pair, a token.
            stub.server.stubFor(post(urlPathEqualTo(StubPaths.BASE + "/keypairs")).willReturn(WireMockService.json(
                    "{\"header\":{\"isSuccessful\":true,\"resultCode\":0,\"resultMessage\":\"SUCCESS\"},\"keypair\":{\"name\":\"k\","
                            + "\"privateKey\":\"-----BEGIN RSA PRIVATE KEY-----\\n" + Secrets.PRIVATE_KEY_MATERIAL)));
            printed.add(text(assertThrows(ToastComputeException.class, () -> ContractCalls.plain(
                    ContractModel.bundled().operation("createKeypair")).invoke(client))));
            stub.server.stubFor(get(urlPathEqualTo(StubPaths.TOKENS)).willReturn(WireMockService.json(
                    "{\"header\":{\"isSuccessful\":true},\"access\":{\"token\":{\"id\":\"" + Secrets.TOKEN_ID)));
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.api(TokenApi.class).getToken(Secrets.TOKEN_ID))));
            stub.server.stubFor(get(urlPathEqualTo(StubPaths.TOKENS)).willReturn(aResponse().withStatus(502).withBody(echo)));
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.api(TokenApi.class).getToken(Secrets.TOKEN_ID))));
            stub.server.stubFor(get(urlPathEqualTo(StubPaths.TOKENS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.api(TokenApi.class).getToken(Secrets.TOKEN_ID))));
            stub.server.stubFor(post(urlPathEqualTo(StubPaths.TOKENS)).willReturn(aResponse().withStatus(500).withBody(echo)));
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.api(TokenApi.class).issueToken(
                    new TokenIssueRequest().auth(new TokenAuth().username(Secrets.USER).password(Secrets.PASSWORD))))));
            printed.add(client.toString());
            printed.add(client.tokenManager().toString());
        }
        try (ToastComputeClient client = Clients.builder(Clients.refusingEndpoint(), transport, clock, new RecordingSleeper())
                .logLevel(Logger.Level.FULL).retryPolicy(RetryPolicy.NONE).build()) {
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.api(TokenApi.class).getToken(Secrets.TOKEN_ID))));
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.api(FlavorApi.class).listFlavors())));
        }
        printed.add(new TokenIssueRequest().auth(new TokenAuth().username(Secrets.USER).password(Secrets.PASSWORD)).toString());
        printed.add(Credentials.of(Secrets.USER, Secrets.PASSWORD).toString());

        Set<String> all = new TreeSet<>();
        ContractModel.bundled().operations().forEach(op -> all.add(op.id()));
        assertEquals(all, called, "every operation of the contract was called");
        for (String text : printed) {
            assertNull(Secrets.findIn(text), () -> "a secret was printed: " + text);
        }
        // What was logged while this transport ran (earlier transports are judged on their own).
        byte[] whole = Files.readAllBytes(LOG);
        String log = new String(whole, (int) logStart, whole.length - (int) logStart, StandardCharsets.UTF_8);
        String leaked = Secrets.findIn(log);
        assertNull(leaked, () -> "a secret reached the log: " + lineWith(log, leaked));
        assertTrue(log.contains("X-Auth-Token: *** redacted ***"), "FULL logging ran and redacted the token header");
        assertTrue(log.contains("\"password\":\"*** redacted ***\""), "FULL logging ran and redacted the password");
        assertTrue(log.contains("\"privateKey\":\"*** redacted ***\""), "FULL logging ran and redacted the private key");
        assertTrue(new String(whole, StandardCharsets.UTF_8).contains("JUL reaches SLF4J"), "java.util.logging reaches the log");
        long lines = log.lines().count();
        Report.line(SUITE, transport + ": " + all.size() + " operations, " + calls + " calls through "
                + ApiCalls.all().size() + " generated methods, " + printed.size() + " texts checked, "
                + lines + " log lines: no secret");
    }

    /**
     * Issue 12, cases 1 and 2: at every Feign log level, far more token issues than the client
     * keeps token ids (each issue a new id), each followed by a generated key pair (a 2.4 KB
     * private key in the answer), a token look-up and a proxy error echoing, as free text, the
     * password and the current and previous token ids. Every call returns what it was answered;
     * no password, token id or line of the key reaches any text or log line.
     */
    @ParameterizedTest
    @EnumSource(Logger.Level.class)
    void manyTokenIssuesAtEveryLogLevelWithAGeneratedKeyPair(Logger.Level level) throws Exception {
        long logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
        GeneratedKeyPair key = GeneratedKeyPair.generate();
        List<String> tokenIds = new ArrayList<>();
        List<String> printed = new ArrayList<>();
        ManualClock clock = new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW);
        try (WireMockService stub = new WireMockService(Secrets.APPKEY, clock);
                ToastComputeClient client = Clients.builder(stub.endpoint(), Transport.APACHE_HC5, clock, new RecordingSleeper())
                        .logLevel(level).retryPolicy(RetryPolicy.NONE).tokenRenewAhead(Duration.ofMinutes(1)).build()) {
            stub.server.stubFor(post(urlPathEqualTo(StubPaths.BASE + "/keypairs")).willReturn(WireMockService.json(Envelopes.ok(
                    "\"keypair\":{\"name\":\"k\",\"publicKey\":\"ssh-rsa AAAA\",\"fingerprint\":\"f\",\"privateKey\":\""
                            + key.inJson() + "\",\"userId\":\"u-1\"}"))));
            for (int i = 0; i < TOKEN_ISSUES; i++) {
                String tokenId = "tok-S3CRET-issue-" + i + "-" + UUID.randomUUID();
                String previous = tokenIds.isEmpty() ? tokenId : tokenIds.get(tokenIds.size() - 1);
                tokenIds.add(tokenId);
                String answer = Envelopes.token(tokenId, clock.instant().plus(Duration.ofHours(1)));
                stub.server.stubFor(post(urlPathEqualTo(StubPaths.TOKENS)).willReturn(WireMockService.json(answer)));
                stub.server.stubFor(get(urlPathEqualTo(StubPaths.TOKENS)).willReturn(WireMockService.json(answer)));
                stub.server.stubFor(get(urlPathEqualTo(StubPaths.BASE + "/flavors")).willReturn(aResponse().withStatus(502)
                        .withBody("upstream failed for user " + Secrets.USER + " with password " + Secrets.PASSWORD
                                + ", token " + tokenId + " (before it " + previous + ")")));

                assertEquals(key.pem, client.api(KeypairApi.class).createKeypair(new KeypairCreateRequest()
                        .keypair(new KeypairCreateSpec().name("k"))).getKeypair().getPrivateKey(), "the caller gets the whole key");
                printed.add(client.api(TokenApi.class).getToken(tokenId).toString());
                printed.add(text(assertThrows(ToastComputeException.class, () -> client.api(FlavorApi.class).listFlavors())));
                clock.advance(Duration.ofHours(2)); // expired: the next call issues a new token
            }
            assertEquals(TOKEN_ISSUES, client.tokenManager().issueCount(), "a token issue per round");
            printed.add(client.toString());
        }
        for (String text : printed) {
            assertNull(leak(text, tokenIds, key), () -> "a secret was printed: " + text);
        }
        byte[] whole = Files.readAllBytes(LOG);
        String log = new String(whole, (int) logStart, whole.length - (int) logStart, StandardCharsets.UTF_8);
        String leaked = leak(log, tokenIds, key);
        assertNull(leaked, () -> "a secret reached the log: " + lineWith(log, leaked));
        List<String> wire = log.lines().filter(l -> l.contains(" io.toastcloud.compute.client.wire - ")).toList();
        String wireText = String.join("\n", wire);
        switch (level) {
            case NONE -> assertTrue(wire.isEmpty(), () -> "NONE logs no exchange: " + wire.get(0));
            case BASIC -> assertTrue(wireText.contains("---> POST") && !wireText.contains("X-Auth-Token"), "BASIC logged request lines only");
            case HEADERS -> assertTrue(wireText.contains("X-Auth-Token: *** redacted ***") && !wireText.contains("\"keypair\""),
                    "HEADERS logged and redacted the token header, no body");
            case FULL -> assertTrue(wireText.contains("\"privateKey\":\"*** redacted ***\"")
                    && wireText.contains("\"id\":\"*** redacted ***\""), "FULL logged bodies and redacted the key and the token");
            default -> throw new AssertionError(level);
        }
        assertFalse(wireText.contains("could not be redacted") || wireText.contains("a line left out"), "every line was redacted, none left out");
        Report.line(SUITE, "log level " + level + ": " + TOKEN_ISSUES + " token issues, a " + key.pem.length()
                + "-character private key each round, " + printed.size() + " texts checked, " + wire.size()
                + " wire log lines: no secret");
    }

    /** The first secret found in {@code text}: a planted one, the password, any token id issued, a line of the key. */
    private static String leak(String text, List<String> tokenIds, GeneratedKeyPair key) {
        String found = Secrets.findIn(text);
        if (found == null) {
            found = tokenIds.stream().filter(text::contains).findFirst().orElse(null);
        }
        return found != null ? found : key.findIn(text);
    }

    private static String text(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return e.getMessage() + "\n" + trace;
    }

    private static String lineWith(String log, String secret) {
        return log.lines().filter(l -> l.contains(secret)).findFirst().orElse("?");
    }
}
