package io.toastcloud.compute.client.error;

/** The function is not supported (resultCode -7, or an API code ending in 405 or 501). */
public class NotSupportedException extends ToastServiceException {
    public NotSupportedException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
    }
}
