package io.toastcloud.compute.contracttests;

import static io.toastcloud.compute.contracttests.support.JsonAssertions.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.error.ToastServiceException;
import io.toastcloud.compute.contracttests.prism.PrismEndpoint;
import io.toastcloud.compute.contracttests.prism.PrismExtension;
import io.toastcloud.compute.contracttests.support.ContractDocument;
import io.toastcloud.compute.contracttests.support.ContractDocument.Operation;
import io.toastcloud.compute.contracttests.support.PreferExample;
import io.toastcloud.compute.contracttests.support.PrismClient;
import io.toastcloud.compute.contracttests.support.SchemaDefaults;
import io.toastcloud.compute.contracttests.support.SentRequests;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the contract, called through the generated client and its runtime against
 * Prism, once per request example (the nine instance actions are the nine request examples of
 * {@code performInstanceAction}), and for each:
 * <ul>
 *   <li>the success example: Prism accepts the request (any violation would be its 422, which the
 *       client raises), the body the client sent is the request example, and the decoded response
 *       is the response example;</li>
 *   <li>every named failure example, selected with {@code Prefer: example=<name>}: the client
 *       raises exactly the expected typed exception, with the example's code and message.</li>
 * </ul>
 * The tests are generated from the contract: a new operation or example is tested (or fails for
 * want of a line in {@link OperationCalls} or {@link FailureExpectations}) without editing this class.
 */
@ExtendWith(PrismExtension.class)
class OperationContractTest {
    private static final ContractDocument CONTRACT = ContractDocument.bundled();
    private static final ObjectMapper JSON = ToastComputeClient.objectMapper();
    private static final SchemaDefaults DEFAULTS = new SchemaDefaults(CONTRACT);
    private static final String NO_BODY = "(no request body)";

    private static PrismClient prism;

    @BeforeAll
    static void connect(PrismEndpoint endpoint) {
        prism = PrismClient.connect(endpoint);
        prism.client().tokenManager().tokenId(); // issue the token now, so each test sees only its own re-issues
    }

    @AfterAll
    static void disconnect() {
        if (prism != null) {
            prism.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyOperationWithEveryExample() {
        return CONTRACT.operations().stream().map(op -> dynamicContainer(op.method() + " " + op.path() + " (" + op.id() + ")",
                requestVariants(op).entrySet().stream().map(variant ->
                        dynamicContainer("request " + variant.getKey(), casesFor(op, variant.getKey(), variant.getValue())))));
    }

    private static Map<String, JsonNode> requestVariants(Operation op) {
        if (op.requestExamples().isEmpty()) {
            Map<String, JsonNode> none = new LinkedHashMap<>();
            none.put(NO_BODY, null);
            return none;
        }
        return op.requestExamples();
    }

    private static Stream<DynamicNode> casesFor(Operation op, String variant, JsonNode body) {
        List<DynamicNode> cases = new ArrayList<>();
        String success = OperationCalls.successExampleFor(op.id(), variant);
        cases.add(dynamicTest("answer " + success + " -> decoded response equals the example",
                () -> succeeds(op, body, success)));
        for (String failure : op.failureExamples()) {
            var expected = FailureExpectations.BY_EXAMPLE.get(failure);
            String name = expected == null ? "?" : expected.getSimpleName();
            cases.add(dynamicTest("answer " + failure + " -> " + name, () -> fails(op, body, failure)));
        }
        return cases.stream();
    }

    /** The further success examples of body-less operations, each through the call that asks for it. */
    @TestFactory
    Stream<DynamicNode> everyFurtherSuccessExample() {
        return OperationCalls.CALLS_BY_SUCCESS_EXAMPLE.keySet().stream().sorted().map(key -> {
            String id = key.substring(0, key.indexOf('/'));
            String example = key.substring(key.indexOf('/') + 1);
            Operation op = CONTRACT.operations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
            return dynamicTest(key + " -> decoded response equals the example",
                    () -> succeeds(op, null, example, OperationCalls.CALLS_BY_SUCCESS_EXAMPLE.get(key)));
        });
    }

    private static OperationCalls.Call call(Operation op) {
        OperationCalls.Call call = OperationCalls.BY_OPERATION.get(op.id());
        if (call == null) {
            fail("no call for " + op.id() + " in OperationCalls: add one line saying how to call it");
        }
        return call;
    }

    private static void succeeds(Operation op, JsonNode body, String example) throws Throwable {
        succeeds(op, body, example, call(op));
    }

    private static void succeeds(Operation op, JsonNode body, String example, OperationCalls.Call call) throws Throwable {
        assertTrue(op.successExamples().contains(example), op.id() + " has no success example " + example);
        int before = prism.sent().count();

        Object response = PreferExample.with(op.id(), example, () -> call.invoke(prism.client(), body));

        assertNotNull(response, "decoded response");
        assertSameJson(op.responseExample(example), JSON.valueToTree(response),
                op.id() + ": the decoded response must equal the contract's example " + example);
        assertEquals(before + 1, prism.sent().count(), "one request sent");
        SentRequests.Sent sent = prism.sent().last();
        assertEquals(op.id(), sent.operationId());
        assertEquals(op.method(), sent.method());
        assertEquals(op.authenticated(), sent.hasHeader("X-Auth-Token"),
                "X-Auth-Token is sent exactly when the operation requires it");
        if (body == null) {
            assertNull(sent.body(), op.id() + " sends no body");
        } else {
            assertSameJson(DEFAULTS.withDefaults(op.requestSchema(), body), parse(sent.body()),
                    op.id() + ": the client must send the request example as it is (schema defaults may be explicit)");
        }
    }

    private static void fails(Operation op, JsonNode body, String example) {
        OperationCalls.Call call = call(op);
        Class<? extends ToastServiceException> expected = FailureExpectations.BY_EXAMPLE.get(example);
        if (expected == null) {
            fail("no expected exception for the failure example " + example + " in FailureExpectations");
        }
        JsonNode header = op.responseExample(example).path("header");
        long issuedBefore = prism.client().tokenManager().issueCount();
        int sentBefore = prism.sent().count();

        Throwable thrown = null;
        try {
            PreferExample.with(op.id(), example, () -> call.invoke(prism.client(), body));
        } catch (Throwable t) {
            thrown = t;
        }

        if (thrown == null) {
            fail(op.id() + " with example " + example + " must raise " + expected.getSimpleName() + ", it returned normally");
        }
        if (thrown.getClass() != expected) {
            throw new AssertionError(op.id() + " with example " + example + " must raise exactly " + expected.getName()
                    + ", raised " + thrown.getClass().getName(), thrown);
        }
        ToastServiceException service = (ToastServiceException) thrown;
        assertEquals(op.id(), service.operation(), "the exception names the operation");
        assertEquals(header.path("resultCode").asInt(), service.resultCode(), "resultCode of " + example);
        assertEquals(header.path("resultMessage").asText(), service.resultMessage(), "resultMessage of " + example);

        boolean reissues = FailureExpectations.REISSUE_ONCE.contains(example) && op.authenticated();
        assertEquals(issuedBefore + (reissues ? 1 : 0), prism.client().tokenManager().issueCount(),
                reissues ? "a token-invalid answer (50401, -3) makes the client issue a new token once" : "no token re-issue");
        // tokenInvalid: the call, the re-issue (POST /tokens), the call again; otherwise one request
        assertEquals(sentBefore + (reissues ? 3 : 1), prism.sent().count(), "requests sent");
    }

    private static JsonNode parse(byte[] body) {
        assertNotNull(body, "the client sent no body");
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the client sent a body that is not JSON", e);
        }
    }
}
