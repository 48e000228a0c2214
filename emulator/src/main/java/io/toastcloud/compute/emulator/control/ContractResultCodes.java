package io.toastcloud.compute.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Contract;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The failure result codes a fault rule may answer, each with the contract's message: the common
 * codes of {@code info.x-result-codes} (all but 0, which is success) and the per-API codes of the
 * contract's named failure examples ({@code components.examples}, e.g. {@code InstanceConflict}
 * 10409, {@code TokenInvalid} 50401). Nothing here is the emulator's own invention.
 */
final class ContractResultCodes {
    private final Map<Integer, String> messages = new TreeMap<>();

    ContractResultCodes(Contract contract) {
        JsonNode doc = contract.document();
        for (JsonNode c : doc.at("/info/x-result-codes")) {
            if (c.path("code").asInt() != 0) {
                messages.put(c.path("code").asInt(), c.path("message").asText());
            }
        }
        for (JsonNode example : doc.at("/components/examples")) {
            JsonNode header = example.at("/value/header");
            if (header.path("resultCode").isInt() && !header.path("isSuccessful").asBoolean(true)) {
                messages.putIfAbsent(header.path("resultCode").asInt(), header.path("resultMessage").asText());
            }
        }
    }

    Optional<String> message(int code) {
        return Optional.ofNullable(messages.get(code));
    }

    /** Every allowed code, in order (for error messages). */
    String list() {
        return messages.keySet().toString();
    }
}
