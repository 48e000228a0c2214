package io.toastcloud.compute.client.error;

/** The network does not exist or none is accessible (resultCode 20004). */
public class NoAccessibleNetworkException extends ToastServiceException {
    public NoAccessibleNetworkException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
    }
}
