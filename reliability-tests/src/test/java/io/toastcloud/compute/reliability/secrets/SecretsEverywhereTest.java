package io.toastcloud.compute.reliability.secrets;

import io.toastcloud.compute.reliability.support.StubPaths;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.toastcloud.compute.model.TokenAuth;
import io.toastcloud.compute.model.TokenIssueRequest;
import io.toastcloud.compute.reliability.support.ApiCalls;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.ContractAnswers;
import io.toastcloud.compute.reliability.support.ContractCalls;
import io.toastcloud.compute.reliability.support.ContractCalls.Call;
import io.toastcloud.compute.reliability.support.ContractModel;
import io.toastcloud.compute.reliability.support.ContractModel.Operation;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.flavors().listFlavors(null))));
            // Answers broken off in the middle of a secret: a generated key pair, a token.
            stub.server.stubFor(post(urlPathEqualTo(StubPaths.BASE + "/keypairs")).willReturn(WireMockService.json(
                    "{\"header\":{\"isSuccessful\":true,\"resultCode\":0,\"resultMessage\":\"SUCCESS\"},\"keypair\":{\"name\":\"k\","
                            + "\"privateKey\":\"-----BEGIN RSA PRIVATE KEY-----\\n" + Secrets.PRIVATE_KEY_MATERIAL)));
            printed.add(text(assertThrows(ToastComputeException.class, () -> ContractCalls.plain(
                    ContractModel.bundled().operation("createKeypair")).invoke(client))));
            stub.server.stubFor(get(urlPathEqualTo(StubPaths.TOKENS)).willReturn(WireMockService.json(
                    "{\"header\":{\"isSuccessful\":true},\"access\":{\"token\":{\"id\":\"" + Secrets.TOKEN_ID)));
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.tokens().getToken(null, Secrets.TOKEN_ID))));
            stub.server.stubFor(get(urlPathEqualTo(StubPaths.TOKENS)).willReturn(aResponse().withStatus(502).withBody(echo)));
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.tokens().getToken(null, Secrets.TOKEN_ID))));
            stub.server.stubFor(get(urlPathEqualTo(StubPaths.TOKENS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.tokens().getToken(null, Secrets.TOKEN_ID))));
            stub.server.stubFor(post(urlPathEqualTo(StubPaths.TOKENS)).willReturn(aResponse().withStatus(500).withBody(echo)));
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.tokens().issueToken(null,
                    new TokenIssueRequest().auth(new TokenAuth().username(Secrets.USER).password(Secrets.PASSWORD))))));
            printed.add(client.toString());
            printed.add(client.tokenManager().toString());
        }
        try (ToastComputeClient client = Clients.builder(Clients.refusingEndpoint(), transport, clock, new RecordingSleeper())
                .logLevel(Logger.Level.FULL).retryPolicy(RetryPolicy.NONE).build()) {
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.tokens().getToken(null, Secrets.TOKEN_ID))));
            printed.add(text(assertThrows(ToastComputeException.class, () -> client.flavors().listFlavors(null))));
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

    private static String text(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return e.getMessage() + "\n" + trace;
    }

    private static String lineWith(String log, String secret) {
        return log.lines().filter(l -> l.contains(secret)).findFirst().orElse("?");
    }
}
