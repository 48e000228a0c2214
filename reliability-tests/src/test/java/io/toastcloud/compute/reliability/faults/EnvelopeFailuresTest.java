package io.toastcloud.compute.reliability.faults;

import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.reliability.support.Secrets;

import io.toastcloud.compute.reliability.support.StubPaths;

import io.toastcloud.compute.testsupport.ManualClock;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.error.ToastServiceException;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.ContractAnswers;
import io.toastcloud.compute.reliability.support.ContractCalls;
import io.toastcloud.compute.testsupport.ContractModel;
import io.toastcloud.compute.testsupport.ContractModel.Operation;
import io.toastcloud.compute.testsupport.Envelopes;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.testsupport.WireMockService;
import io.toastcloud.compute.model.VolumeCreateRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue case 1, {@code isSuccessful: false}: every class of result code of the guide, and every
 * failure example of the contract on every operation, becomes the typed exception of its class
 * with the service's code and message; none is retried and none costs the token (except the
 * token-invalid code, which re-issues once).
 */
class EnvelopeFailuresTest {
    private static final String SUITE = "envelope-failures";
    private static final String FLAVORS = StubPaths.BASE + "/flavors";
    private static final String VOLUMES = StubPaths.BASE + "/volumes";
    private static final RecordingSleeper SLEEPER = new RecordingSleeper();
    // WireMock, not the emulator: the mapping includes codes the contract does not list (1, 99999),
    // an envelope without resultCode, and the service's own resultMessage, which the emulator's
    // result-code rules refuse (contract codes only) or replace with the contract's message.
    private static WireMockService stub;
    /** One client for the class: its token is issued once, so a case that costs the token shows. */
    private static ToastComputeClient client;

    @BeforeAll
    static void start() {
        stub = new WireMockService(Secrets.APPKEY, new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW));
        stub.issuesTokens(Secrets.TOKEN_ID);
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(WireMockService.json(Envelopes.flavors())));
        client = Clients.builder(stub.endpoint(), Transport.APACHE_HC5, stub.clock, SLEEPER).build();
        client.api(FlavorApi.class).listFlavors();
    }

    @AfterAll
    static void stop() {
        client.close();
        stub.close();
    }

    @BeforeEach
    void reset() {
        stub.reset();
        stub.issuesTokens(Secrets.TOKEN_ID);
        SLEEPER.clear();
    }

    /** One code of every class and every per-API range and status, plus codes the guide does not list. */
    static Stream<Arguments> resultCodes() {
        List<Arguments> codes = new ArrayList<>();
        JsonNode info = ContractModel.bundled().document().path("info");
        Set<String> classes = new HashSet<>();
        for (JsonNode entry : info.path("x-result-codes")) {
            if (!"success".equals(entry.path("class").asText())) {
                classes.add(entry.path("class").asText());
                // -3 is also a token-invalid code: the client re-issues once on it (TokenLifecycleTest)
                if (!ExpectedServiceFailures.isTokenInvalid(entry.path("code").asInt())) {
                    codes.add(Arguments.of(entry.path("code").asInt(), entry.path("class").asText()));
                }
            }
        }
        assertEquals(ExpectedServiceFailures.BY_CLASS.keySet(), classes, "every result code class has an expected type");
        for (JsonNode range : info.path("x-result-code-ranges")) {
            for (int status : ExpectedServiceFailures.BY_RANGE_STATUS.keySet()) {
                int code = range.path("from").asInt() - 400 + status;
                if (!ExpectedServiceFailures.isTokenInvalid(code)) {
                    codes.add(Arguments.of(code, range.path("api").asText() + " " + status));
                }
            }
        }
        codes.add(Arguments.of(99999, "not in the guide"));
        codes.add(Arguments.of(1, "not in the guide"));
        return codes.stream();
    }

    @ParameterizedTest(name = "resultCode {0} ({1})")
    @MethodSource("resultCodes")
    void aReadAndACreateFailTypedOnceWithTheServicesWords(int code, String kind) {
        String message = "message of " + code + " : detail";
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(WireMockService.json(Envelopes.failure(code, message))));
        stub.server.stubFor(post(urlPathEqualTo(VOLUMES)).willReturn(WireMockService.json(Envelopes.failure(code, message))));
        Class<? extends ToastServiceException> expected = ExpectedServiceFailures.of(code, "listFlavors");
        {
            ToastServiceException read = assertThrows(ToastServiceException.class, () -> client.api(FlavorApi.class).listFlavors());
            ToastServiceException create = assertThrows(ToastServiceException.class, () -> client.api(BlockStorageApi.class).createVolume(
                    (VolumeCreateRequest) ContractCalls.plain(ContractModel.bundled().operation("createVolume")).arguments()[0]));
            for (ToastServiceException e : List.of(read, create)) {
                assertEquals(expected, e.getClass(), "resultCode " + code);
                assertEquals(code, e.resultCode());
                assertEquals(message, e.resultMessage());
                assertTrue(e.getMessage().contains(String.valueOf(code)) && e.getMessage().contains(message), e.getMessage());
            }
            assertEquals("listFlavors", read.operation());
            assertEquals("createVolume", create.operation());
        }
        assertEquals(1, stub.count(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(FLAVORS))),
                "a failure the service reports is never retried");
        assertEquals(1, stub.count(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(VOLUMES))));
        assertEquals(0, stub.tokenRequests(), "a failure that is not about the token keeps the token");
        assertTrue(SLEEPER.sleeps().isEmpty());
        Report.line(SUITE, code + " (" + kind + ") -> " + expected.getSimpleName());
    }

    @Test
    void anEnvelopeWithoutResultCodeOrMessageIsStillTyped() {
        stub.server.stubFor(get(urlPathEqualTo(FLAVORS)).willReturn(WireMockService.json("{\"header\":{\"isSuccessful\":false}}")));
        ToastServiceException e = assertThrows(ToastServiceException.class, () -> client.api(FlavorApi.class).listFlavors());
        assertEquals("listFlavors", e.operation());
        assertFalse(e.getMessage().isBlank());
    }

    /** Every failure example of every operation in the contract, through the generated method. */
    static Stream<Arguments> contractFailureExamples() {
        return ContractModel.bundled().operations().stream().flatMap(op -> op.failureExamples().entrySet().stream()
                .map(e -> Arguments.of(op.id(), e.getKey(), e.getValue())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("contractFailureExamples")
    void everyFailureExampleOfTheContractIsTyped(String operationId, String example, JsonNode answer) {
        Operation op = ContractModel.bundled().operation(operationId);
        int code = answer.at("/header/resultCode").asInt();
        // For issueToken this replaces the token answer: the generated method is called directly.
        ContractAnswers.answer(stub.server, op, answer.toString());
        Class<? extends ToastServiceException> expected = ExpectedServiceFailures.of(code, operationId);
        ToastServiceException e = assertThrows(ToastServiceException.class, () -> ContractCalls.plain(op).invoke(client));
        assertEquals(expected, e.getClass(), operationId + " " + example);
        assertEquals(code, e.resultCode());
        assertEquals(answer.at("/header/resultMessage").asText(), e.resultMessage());
        assertEquals(operationId, e.operation());
        boolean tokenInvalid = ExpectedServiceFailures.isTokenInvalid(code);
        if (!"issueToken".equals(operationId)) {
            assertEquals(tokenInvalid ? 1 : 0, stub.tokenRequests(), tokenInvalid
                    ? "token invalid: exactly one re-issue, then the call once more" : "the token is kept");
            assertEquals(tokenInvalid ? 2 : 1, stub.server.getAllServeEvents().size() - stub.tokenRequests(),
                    "the call is sent once (twice when the token was invalid)");
        }
        Report.line(SUITE, operationId + " " + example + " (" + code + ") -> " + expected.getSimpleName());
    }
}
