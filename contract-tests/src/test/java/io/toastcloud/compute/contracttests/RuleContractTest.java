package io.toastcloud.compute.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.client.error.RequestValidationException;
import io.toastcloud.compute.contracttests.RuleCase.ClientCannotSend;
import io.toastcloud.compute.contracttests.RuleCase.ClientRefuses;
import io.toastcloud.compute.contracttests.RuleCase.PrismAccepts;
import io.toastcloud.compute.contracttests.RuleCase.PrismRefuses;
import io.toastcloud.compute.contracttests.prism.PrismEndpoint;
import io.toastcloud.compute.contracttests.prism.PrismExtension;
import io.toastcloud.compute.contracttests.support.PrismClient;
import io.toastcloud.compute.contracttests.support.RawPrism;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each documented rule, proven twice ({@link RuleCases}): the client refuses the bad request
 * before sending anything, naming the field and the rule; and the same request sent raw to Prism
 * gets exactly what Prism does with it, a refusal listing the violation, or, where Prism cannot
 * or does not check the rule, an acceptance recorded with its reason.
 */
@ExtendWith(PrismExtension.class)
class RuleContractTest {
    private static PrismClient prism;
    private static RawPrism raw;

    @BeforeAll
    static void connect(PrismEndpoint endpoint) {
        prism = PrismClient.connect(endpoint);
        raw = new RawPrism(endpoint);
    }

    @AfterAll
    static void disconnect() {
        if (prism != null) {
            prism.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyRuleTwice() {
        return RuleCases.ALL.stream().map(rule -> dynamicContainer(rule.id() + ": " + rule.rule(), Stream.of(
                dynamicTest(clientName(rule), () -> client(rule)),
                dynamicTest(prismName(rule), () -> prism(rule)))));
    }

    private static String clientName(RuleCase rule) {
        return rule.client() instanceof ClientRefuses refuses
                ? "client refuses before sending: " + String.join(", ", refuses.violations())
                : "client cannot send it: " + ((ClientCannotSend) rule.client()).why();
    }

    private static String prismName(RuleCase rule) {
        return rule.prism() instanceof PrismRefuses refuses
                ? "Prism refuses the raw request: " + refuses.status()
                        + (refuses.violations().isEmpty() ? "" : " " + String.join(", ", refuses.violations()))
                : "Prism accepts the raw request: " + ((PrismAccepts) rule.prism()).why();
    }

    private static void client(RuleCase rule) {
        if (rule.client() instanceof ClientCannotSend cannot) {
            cannot.proof().accept(prism);
            return;
        }
        ClientRefuses refuses = (ClientRefuses) rule.client();
        int sentBefore = prism.sent().count();

        RequestValidationException refused = assertThrows(RequestValidationException.class,
                () -> refuses.call().apply(prism.client()), rule.id() + ": the client must refuse the request");

        assertEquals(sentBefore, prism.sent().count(), "nothing was sent");
        assertEquals(refuses.operationId(), refused.operation(), "the exception names the operation");
        List<String> reported = refused.violations().stream().map(v -> v.field() + " " + v.rule()).toList();
        for (String expected : refuses.violations()) {
            assertTrue(reported.contains(expected), "violation '" + expected + "' expected among " + reported);
        }
    }

    private static void prism(RuleCase rule) {
        RawPrism.Answer answer = raw.send(rule.raw().method(), rule.raw().pathAndQuery(), rule.raw().body(),
                rule.raw().withToken());
        if (rule.prism() instanceof PrismAccepts accepts) {
            assertEquals(200, answer.status(), "Prism was seen to accept this (" + accepts.why() + "); it answered "
                    + answer.status() + ": " + answer.body() + ". If Prism now refuses it, make the case PrismRefuses.");
            JsonNode header = answer.json().path("header");
            assertTrue(header.path("isSuccessful").asBoolean(), "Prism served a success example: " + answer.body());
            return;
        }
        PrismRefuses refuses = (PrismRefuses) rule.prism();
        assertEquals(refuses.status(), answer.status(), "Prism's status; body: " + answer.body());
        assertTrue(answer.body().contains(refuses.bodyContains()),
                "Prism's answer contains '" + refuses.bodyContains() + "': " + answer.body());
        List<String> reported = answer.violations();
        for (String expected : refuses.violations()) {
            assertTrue(reported.contains(expected), "Prism violation '" + expected + "' expected among " + reported);
        }
    }
}
