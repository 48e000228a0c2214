package io.toastcloud.compute.client.error;

/** The resource is not in a state that allows the request (an API code ending in 409), for example starting an instance that is not stopped. */
public class ConflictException extends ToastServiceException {
    public ConflictException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
    }
}
