package io.toastcloud.compute.client.error;

/** Connecting or reading took longer than the configured timeout. */
public class ToastTimeoutException extends ToastConnectionException {
    public ToastTimeoutException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
    }
}
