package io.toastcloud.compute.client.error;

/** A value in the URL or body was missing or malformed (resultCode -4, or an API code ending in 400). */
public class InvalidParametersException extends ToastServiceException {
    public InvalidParametersException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
    }
}
