package io.toastcloud.compute.contracttests.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toastcloud.compute.contracttests.support.ContractDocument;
import io.toastcloud.compute.emulator.ExchangeObserver.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The check every emulator answer goes through can fail: the contract's own examples pass, and
 * an answer that breaks the contract, or answers a route the contract does not have, does not.
 */
class ContractResponseValidatorTest {
    private static final ContractDocument CONTRACT = ContractDocument.bundled();
    private static final String PATH = "/v1.0/appkeys/any/instances";
    private final ContractResponseValidator validator = ContractResponseValidator.shared();

    @Test
    void theContractsOwnExamplesFit() {
        for (String example : List.of("success", "instanceNotFound", "tokenInvalid")) {
            assertEquals(List.of(), errors(CONTRACT.operation("listInstances").responseExample(example)), example);
        }
    }

    @Test
    void aStatusOutsideTheEnumDoesNotFit() {
        ObjectNode answer = CONTRACT.operation("listInstances").responseExample("success").deepCopy();
        ((ObjectNode) answer.at("/instances/0")).put("status", "RUNNING");
        assertFalse(errors(answer).isEmpty(), "an instance status the contract does not have");
    }

    @Test
    void anAnswerWithoutTheEnvelopeDoesNotFit() {
        ObjectNode answer = CONTRACT.operation("listInstances").responseExample("success").deepCopy();
        answer.remove("header");
        assertFalse(errors(answer).isEmpty(), "no header");
    }

    @Test
    void anAnswerToARouteTheContractDoesNotHaveIsRecordedAsAViolation() {
        RecordedAnswers answers = new RecordedAnswers();
        byte[] body = "{\"header\":{\"isSuccessful\":false,\"resultCode\":-7,\"resultMessage\":\"Not supported\"}}"
                .getBytes(StandardCharsets.UTF_8);
        answers.exchanged(new Exchange("GET", "/v1.0/nowhere", null, 200, "application/json", body, -7));
        assertEquals(1, answers.violations().size());
        assertTrue(answers.violations().get(0).contains("/v1.0/nowhere"), answers.violations().get(0));
    }

    private List<String> errors(JsonNode answer) {
        return validator.errors("GET", PATH, 200, "application/json", answer.toString());
    }
}
