package io.toastcloud.compute.client.error;

/** The request cannot be performed now (resultCode -1, FAIL); act on the message and retry. */
public class RequestFailedException extends ToastServiceException {
    public RequestFailedException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
    }
}
