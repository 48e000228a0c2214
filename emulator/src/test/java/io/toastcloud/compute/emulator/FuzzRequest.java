package io.toastcloud.compute.emulator;

import io.toastcloud.compute.contract.OperationInfo;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request of the fuzz suite, as bytes on the wire: method, path under the appkey (raw, as
 * sent), raw query, body. {@code kind} says how it was made; {@code expectation} what the
 * emulator must do with it, decided from the contract (never from the emulator).
 *
 * @param operation the contract operation the request was made from (null: no operation)
 */
record FuzzRequest(OperationInfo operation, String kind, String method, String rawAppkey, String pathAfterAppkey,
        Map<String, String> query, String contentType, byte[] body, Expectation expectation) {

    enum Expectation {
        /** Judged by the independent validator: refused exactly when it says invalid. */
        AS_THE_CONTRACT_SAYS,
        /** Refused with this kind of code whatever the validator says (no operation, not UTF-8, over 1 MiB). */
        REFUSED,
        /** Refused by the JDK server before the emulator sees it: HTTP 400 text/html (docs/EMULATOR.md). */
        JDK_400,
        /** Anything in the envelope but -2 (another appkey's token, an appkey of odd characters). */
        ANY_ENVELOPE
    }

    String target() {
        String q = query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return "/v1.0/appkeys/" + rawAppkey + pathAfterAppkey + (q.isEmpty() ? "" : "?" + q);
    }

    FuzzRequest with(String newKind, Expectation newExpectation) {
        return new FuzzRequest(operation, newKind, method, rawAppkey, pathAfterAppkey, query, contentType, body, newExpectation);
    }

    FuzzRequest withBody(String newKind, byte[] newBody, Expectation newExpectation) {
        return new FuzzRequest(operation, newKind, method, rawAppkey, pathAfterAppkey, query, contentType, newBody, newExpectation);
    }

    FuzzRequest withQuery(String newKind, Map<String, String> newQuery, Expectation newExpectation) {
        return new FuzzRequest(operation, newKind, method, rawAppkey, pathAfterAppkey, new LinkedHashMap<>(newQuery), contentType,
                body, newExpectation);
    }

    FuzzRequest withTarget(String newKind, String newMethod, String newAppkey, String newPath, Expectation newExpectation) {
        return new FuzzRequest(operation, newKind, newMethod, newAppkey, newPath, query, contentType, body, newExpectation);
    }

    String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String text = body == null ? "" : bodyText();
        return kind + ": " + method + " " + target() + (body == null ? "" : " " + (text.length() > 300
                ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text));
    }
}
