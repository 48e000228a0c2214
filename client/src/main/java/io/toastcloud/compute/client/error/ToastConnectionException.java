package io.toastcloud.compute.client.error;

/** The request could not be sent or its answer not read: connection refused or reset, DNS, TLS, or a timeout. */
public class ToastConnectionException extends ToastComputeException {
    public ToastConnectionException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
    }
}
