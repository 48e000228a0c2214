package io.toastcloud.compute.client.error;

/** The body was not the JSON envelope the contract promises (not JSON, truncated, empty, or without {@code header}). */
public class MalformedResponseException extends ToastComputeException {
    public MalformedResponseException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
    }
}
