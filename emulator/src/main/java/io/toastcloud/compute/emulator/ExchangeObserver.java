package io.toastcloud.compute.emulator;

/**
 * Sees every answer of the emulator just before it is sent (so a client that has its answer
 * knows the observer has seen it): for request logs and for tests that validate every response
 * against the contract. Called on the server's worker threads, so it must be thread-safe and
 * quick; an exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface ExchangeObserver {
    ExchangeObserver NONE = exchange -> { };

    void exchanged(Exchange exchange);

    /**
     * One answered request. The query string and request headers are left out (the token
     * look-up carries a token id in its query); the response body is what was sent.
     *
     * @param method HTTP method
     * @param path the raw request path
     * @param operationId the contract operation the request was routed to, or null when none
     * @param status HTTP status (always 200)
     * @param contentType the response's Content-Type
     * @param responseBody the response bytes
     * @param resultCode {@code header.resultCode} of the answer
     */
    record Exchange(String method, String path, String operationId, int status, String contentType,
            byte[] responseBody, int resultCode) {
        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " resultCode " + resultCode
                    + (operationId == null ? "" : " (" + operationId + ")");
        }
    }
}
