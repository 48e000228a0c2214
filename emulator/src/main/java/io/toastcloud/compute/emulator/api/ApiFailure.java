package io.toastcloud.compute.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Contract;

/**
 * A request the emulator refuses: the {@code header} it answers with. Codes and messages come
 * from the contract: the common codes' messages from {@code info.x-result-codes}
 * ({@code "Invalid parameters : <detail>"}), per-API codes from the contract's named failure
 * examples ({@code components.examples}, e.g. {@code InstanceNotFound} is 10404).
 */
public final class ApiFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int resultCode;
    private final String resultMessage;

    private ApiFailure(int resultCode, String resultMessage) {
        super(resultCode + " " + resultMessage, null, false, false);
        this.resultCode = resultCode;
        this.resultMessage = resultMessage;
    }

    public int resultCode() {
        return resultCode;
    }

    public String resultMessage() {
        return resultMessage;
    }

    /** A common code of {@code info.x-result-codes}, its message followed by {@code " : detail"}. */
    public static ApiFailure common(int code, String detail) {
        String message = null;
        for (JsonNode c : Contract.bundled().document().at("/info/x-result-codes")) {
            if (c.path("code").asInt() == code) {
                message = c.path("message").asText();
            }
        }
        if (message == null) {
            throw new IllegalArgumentException(code + " is not a common result code of the contract");
        }
        return new ApiFailure(code, detail == null ? message : message + " : " + detail);
    }

    public static ApiFailure failed(String detail) {
        return common(-1, detail);
    }

    public static ApiFailure unknown() {
        return common(-2, null);
    }

    public static ApiFailure permissionDenied(String detail) {
        return common(-3, detail);
    }

    public static ApiFailure invalidParameters(String detail) {
        return common(-4, detail);
    }

    public static ApiFailure nonexistent(String detail) {
        return common(-5, detail);
    }

    public static ApiFailure notSupported(String detail) {
        return common(-7, detail);
    }

    public static ApiFailure jsonParsing(String detail) {
        return common(-8, detail);
    }

    public static ApiFailure noAvailableIp() {
        return common(20001, null);
    }

    public static ApiFailure noAccessibleNetwork(String detail) {
        return common(20004, detail);
    }

    /** The contract's named failure example exactly, e.g. {@code InstanceNotFound}. */
    public static ApiFailure example(String name) {
        JsonNode header = exampleHeader(name);
        return new ApiFailure(header.path("resultCode").asInt(), header.path("resultMessage").asText());
    }

    /** The code of the contract's named failure example, with a message that names what failed. */
    public static ApiFailure example(String name, String message) {
        return new ApiFailure(exampleHeader(name).path("resultCode").asInt(), message);
    }

    private static JsonNode exampleHeader(String name) {
        JsonNode header = Contract.bundled().document().at("/components/examples/" + name + "/value/header");
        if (!header.has("resultCode")) {
            throw new IllegalArgumentException("the contract has no failure example " + name);
        }
        return header;
    }
}
