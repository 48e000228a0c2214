package io.toastcloud.compute.client.error;

/**
 * The root of every exception this client throws. It names the operation (the contract's
 * operationId) that failed, so that a stack trace alone tells what was being attempted.
 * Messages never contain secrets (passwords, token ids, private keys).
 */
public class ToastComputeException extends RuntimeException {
    private final String operation;

    public ToastComputeException(String operation, String message, Throwable cause) {
        super(prefix(operation) + message, cause);
        this.operation = operation;
    }

    public ToastComputeException(String operation, String message) {
        this(operation, message, null);
    }

    /** The contract's operationId, for example {@code createInstance}; may be null outside a call. */
    public String operation() {
        return operation;
    }

    private static String prefix(String operation) {
        return operation == null ? "" : operation + ": ";
    }
}
