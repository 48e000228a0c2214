package io.toastcloud.compute.contracttests;

import static io.toastcloud.compute.contracttests.support.JsonAssertions.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.contracttests.prism.PrismEndpoint;
import io.toastcloud.compute.contracttests.prism.PrismExtension;
import io.toastcloud.compute.contracttests.support.ContractDocument;
import io.toastcloud.compute.contracttests.support.ContractDocument.Operation;
import io.toastcloud.compute.contracttests.support.PreferExample;
import io.toastcloud.compute.contracttests.support.PrismClient;
import io.toastcloud.compute.contracttests.support.SentRequests;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nine instance actions through the client's typed methods ({@code client.instances()}): each
 * sends exactly the contract's request example for its action, and Prism accepts it.
 * ({@link OperationContractTest} covers each action's answers through the generated API.)
 */
@ExtendWith(PrismExtension.class)
class InstanceActionsContractTest {
    private static final String OPERATION = "performInstanceAction";
    private static final Operation ACTION = ContractDocument.bundled().operation(OPERATION);

    private static PrismClient prism;

    @BeforeAll
    static void connect(PrismEndpoint endpoint) {
        prism = PrismClient.connect(endpoint);
    }

    @AfterAll
    static void disconnect() {
        if (prism != null) {
            prism.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachTypedActionSendsItsExample() {
        return ACTION.requestExamples().entrySet().stream().map(e -> dynamicTest(
                "instances()." + e.getKey() + " sends the example '" + e.getKey() + "'", () -> sendsExample(e.getKey(), e.getValue())));
    }

    private static void sendsExample(String action, JsonNode example) throws Throwable {
        TypedActions.Action typed = TypedActions.BY_ACTION.get(action);
        if (typed == null) {
            fail("no typed method for the action " + action + " in TypedActions");
        }
        String answer = OperationCalls.successExampleFor(OPERATION, action);

        Object returned = PreferExample.with(OPERATION, answer,
                () -> typed.perform(prism.client().instances(), InstanceId.of(ExampleIds.INSTANCE), example));

        SentRequests.Sent sent = prism.sent().last();
        assertEquals(OPERATION, sent.operationId());
        assertSameJson(example, parse(sent.body()), "instances()." + action + " must send the contract's example");
        JsonNode createdImage = ACTION.responseExample(answer).path("createdImage");
        if (createdImage.isMissingNode()) {
            assertNull(returned, action + " returns nothing");
        } else {
            assertNotNull(returned, action + " returns the image being created");
            assertSameJson(createdImage, ToastComputeClient.objectMapper().valueToTree(returned),
                    action + " returns the example's createdImage");
        }
    }

    private static JsonNode parse(byte[] body) throws IOException {
        assertNotNull(body, "no body sent");
        return ToastComputeClient.objectMapper().readTree(body);
    }
}
