package io.toastcloud.compute.client.error;

/** The request could not be sent or its answer not read: connection refused or reset, DNS, TLS, or a timeout. A {@link TransientException}. */
public class ToastConnectionException extends TransientException {
    public ToastConnectionException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
    }
}
