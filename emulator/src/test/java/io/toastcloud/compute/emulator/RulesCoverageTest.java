package io.toastcloud.compute.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.RequestValidator;
import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.emulator.ops.ReferencedRules;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What the emulator takes from the contract must exist there, and every rule the contract has must be enforced. */
class RulesCoverageTest {
    private final JsonNode doc = Contract.bundled().document();

    @Test
    void everyXRuleKindOfTheContractIsEnforcedByTheClientOrTheEmulator() {
        Set<String> kinds = new TreeSet<>();
        doc.at("/components/schemas").forEach(schema -> schema.path("x-rules").forEach(r -> kinds.add(r.path("rule").asText())));
        Set<String> enforced = new HashSet<>(RequestValidator.supportedRules());
        enforced.addAll(ReferencedRules.SUPPORTED);
        assertTrue(kinds.size() >= 7, "the contract's rule kinds: " + kinds);
        assertTrue(enforced.containsAll(kinds), "not enforced: " + kinds.stream().filter(k -> !enforced.contains(k)).toList());
    }

    @Test
    void theTokenInvalidAnswerIsTheContractsTokenInvalidCode() {
        int code = ApiFailure.example("TokenInvalid").resultCode();
        assertEquals(doc.at("/info/x-token-invalid-result-codes/0").asInt(), code);
        assertTrue(Contract.bundled().isTokenInvalid(code));
    }

    @Test
    void commonCodesTakeTheirMessagesFromTheContract() {
        assertEquals("Invalid parameters : x", ApiFailure.invalidParameters("x").resultMessage());
        assertEquals("Nonexistent : y", ApiFailure.nonexistent("y").resultMessage());
        assertEquals(-8, ApiFailure.jsonParsing("z").resultCode());
        assertEquals("No available IP", ApiFailure.noAvailableIp().resultMessage());
    }
}
