package io.toastcloud.compute.emulator.control;

import java.util.Arrays;
import java.util.Optional;

/** What a {@link FaultRule} does to a call it applies to. The names are those of the control plane's JSON. */
public enum FaultKind {
    /** Answer the envelope with a result code of the contract and the contract's message; the operation does not run. */
    RESULT_CODE("resultCode"),
    /** Wait this long before handling the call (adds up with other latency rules; the call then goes on). */
    LATENCY("latency"),
    /** Close the connection without answering; the operation does not run. */
    DROP_CONNECTION("dropConnection"),
    /** Answer an HTTP 502 or 503 HTML page, as a gateway in front of the service would; the operation does not run. */
    GATEWAY_ERROR("gatewayError");

    private final String jsonName;

    FaultKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<FaultKind> byJsonName(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
    }
}
