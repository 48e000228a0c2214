package io.toastcloud.compute.reliability.badinput;

import io.toastcloud.compute.testsupport.ContractModel;

import io.toastcloud.compute.reliability.support.Secrets;

import io.toastcloud.compute.testsupport.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.RequestValidator;
import io.toastcloud.compute.client.error.RequestValidationException;
import io.toastcloud.compute.contract.Violation;
import io.toastcloud.compute.reliability.badinput.Mutations.Expected;
import io.toastcloud.compute.reliability.support.ApiCalls;
import io.toastcloud.compute.reliability.support.ApiCalls.ApiMethod;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.ContractCalls;
import io.toastcloud.compute.reliability.support.IndependentValidator;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.testsupport.WireMockService;
import io.toastcloud.compute.testsupport.ContractModel.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue case 4, every constraint: for each constraint the contract puts on a request (found by
 * {@link ConstraintCatalog}), a request that breaks it and nothing else on purpose is refused by
 * the client before anything is sent (not even a token request), with a violation naming the
 * field and the rule. An independent validator confirms each broken request really breaks the
 * contract (or, for a cross-field rule, breaks only that rule). Where the generated model cannot
 * even hold the broken value (an unknown property, an action that is not one of the nine), the
 * client's validator is shown to refuse the raw body.
 */
class ContractConstraintsTest {
    private static final String SUITE = "constraints";
    private static final ConstraintCatalog CATALOG = new ConstraintCatalog();
    private static final RequestValidator VALIDATOR = new RequestValidator(Contract.bundled());
    private static final ObjectMapper MAPPER = ToastComputeClient.objectMapper();
    private static final List<String> OUTCOMES = Collections.synchronizedList(new ArrayList<>());
    // WireMock, not the emulator: it records the exact bytes the client sent (here: that nothing
    // was sent) without judging them, so only the client and the independent validator judge.
    private static WireMockService stub;
    private static ToastComputeClient client;

    @BeforeAll
    static void start() {
        stub = new WireMockService(Secrets.APPKEY, new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW));
        client = Clients.builder(stub.endpoint(), Transport.APACHE_HC5, stub.clock, new RecordingSleeper()).build();
    }

    @AfterAll
    static void summarize() {
        client.close();
        stub.close();
        Map<String, Integer> byOutcome = new TreeMap<>();
        OUTCOMES.forEach(o -> byOutcome.merge(o, 1, Integer::sum));
        Report.line(SUITE, "constraints broken: " + OUTCOMES.size() + " " + byOutcome);
        Map<String, Integer> byKeyword = new TreeMap<>();
        CATALOG.constraints().forEach(c -> byKeyword.merge((c.parameter() != null ? "parameter " : "") + c.keyword(), 1, Integer::sum));
        Report.line(SUITE, "by keyword: " + byKeyword);
        CATALOG.typeEnforced.forEach((k, v) -> Report.line(SUITE, "enforced by Java's types: " + k + " (" + v.size() + ")"));
        Report.line(SUITE, "cross-field rules that need the referenced resource (not a client's to check, spec/README.md): "
                + CATALOG.referencedRules);
    }

    @BeforeEach
    void reset() {
        stub.server.resetRequests();
    }

    @Test
    void everyKeywordOfTheContractIsKnownToTheSuite() {
        assertEquals(List.of(), CATALOG.unknown, "new kinds of constraint: give each a way to be broken in Mutations");
        assertTrue(CATALOG.constraints().size() > 50, "the catalog found the contract's constraints");
    }

    static Stream<Constraint> constraints() {
        return CATALOG.constraints().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constraints")
    void aRequestBreakingItIsRefusedNamingTheFieldAndNothingIsSent(Constraint c) {
        Expected expected = Mutations.expected(c);
        if (c.parameter() != null) {
            parameter(c, expected);
            return;
        }
        Operation op = c.operation();
        String schema = op.requestSchema().orElseThrow();
        JsonNode broken = Mutations.breakBody(c);
        Map<String, String> parameters = ContractCalls.parameterValues(op);
        ValidationReport independent = IndependentValidator.validate(op, parameters, broken.toString());
        if (c.isRule()) {
            assertFalse(independent.hasErrors(), () -> "only the cross-field rule is broken, yet: "
                    + IndependentValidator.describe(independent));
        } else {
            assertTrue(independent.hasErrors(), () -> "the independent validator sees nothing wrong with " + broken);
        }
        ApiMethod method = ApiCalls.plain(op.id());
        Object body = readOrNull(broken, method.bodyType().orElseThrow());
        boolean representable = body != null && has(VALIDATOR.validateBody(schema, MAPPER.valueToTree(body)), expected);
        if (representable) {
            Object[] args = ApiCalls.withBody(method, ApiCalls.arguments(method, parameters, null), body);
            RequestValidationException e = assertThrows(RequestValidationException.class,
                    () -> ApiCalls.invoke(client, method, args), () -> c + ": not refused: " + broken);
            assertTrue(has(e.violations(), expected), () -> c + ": expected " + expected + " in " + e.violations());
            assertTrue(e.getMessage().contains(expected.field()), e.getMessage());
            assertEquals(0, stub.allRequests(), "nothing was sent, not even a token request");
            OUTCOMES.add("refused by the client, nothing sent");
            Report.line(SUITE, c + " -> refused: " + expected);
        } else {
            assertTrue(has(VALIDATOR.validateBody(schema, broken), expected),
                    () -> c + ": the client's validator misses " + expected + " in " + broken);
            OUTCOMES.add("not expressible in the generated model; the client's validator refuses the raw body");
            Report.line(SUITE, c + " -> the generated model cannot express it; RequestValidator refuses the raw body: " + expected);
        }
    }

    private void parameter(Constraint c, Expected expected) {
        Operation op = c.operation();
        if ("appkey".equals(c.parameter())) {
            // The appkey is the client's (spec/DECISIONS.md D44): no call takes one, so a broken
            // appkey is refused when the client is built, before anything can be sent.
            String broken = Mutations.breakParameter(c);
            RuntimeException e = assertThrows(RuntimeException.class, () -> Clients.builder(stub.endpoint(),
                    Transport.APACHE_HC5, stub.clock, new RecordingSleeper()).appkey(broken).build(), () -> c + ": not refused");
            assertTrue(e.getMessage().contains("appkey"), e.getMessage());
            if (e instanceof RequestValidationException refused) {
                assertTrue(has(refused.violations(), expected), () -> c + ": expected " + expected + " in " + refused.violations());
            } else {
                assertTrue(broken == null && e instanceof IllegalStateException, () -> c + ": refused with " + e);
            }
            assertEquals(0, stub.allRequests(), "nothing was sent, not even a token request");
            OUTCOMES.add("appkey: refused when the client is built, nothing sent");
            Report.line(SUITE, c + " -> refused by the client's builder: " + e.getMessage());
            return;
        }
        Map<String, String> parameters = new HashMap<>(ContractCalls.parameterValues(op));
        String value = Mutations.breakParameter(c);
        if (value == null) {
            parameters.remove(c.parameter());
        } else {
            parameters.put(c.parameter(), value);
        }
        JsonNode body = ContractCalls.firstExample(op);
        assertTrue(IndependentValidator.validate(op, parameters, body == null ? null : body.toString()).hasErrors(),
                "the independent validator agrees the request is broken");
        // Every method that can carry the parameter: the overload without an optional one cannot break it.
        List<ApiMethod> methods = ApiCalls.all().stream().filter(m -> m.operationId().equals(op.id()) && !m.withHttpInfo()
                && m.takes(c.parameter())).toList();
        for (ApiMethod method : methods) {
            Object[] args = ApiCalls.arguments(method, parameters, body);
            RequestValidationException e = assertThrows(RequestValidationException.class,
                    () -> ApiCalls.invoke(client, method, args), () -> method + ": not refused");
            assertTrue(has(e.violations(), expected), () -> method + ": expected " + expected + " in " + e.violations());
            assertEquals(0, stub.allRequests(), "nothing was sent, not even a token request");
        }
        OUTCOMES.add("refused by the client, nothing sent");
        Report.line(SUITE, c + " -> refused through " + methods.size() + " method(s): " + expected);
    }

    private static Object readOrNull(JsonNode body, Class<?> type) {
        try {
            return ApiCalls.read(body, type);
        } catch (IllegalArgumentException cannotHoldIt) {
            return null;
        }
    }

    private static boolean has(List<Violation> violations, Expected expected) {
        return violations.stream().anyMatch(v -> v.field().equals(expected.field()) && v.rule().equals(expected.rule()));
    }
}
