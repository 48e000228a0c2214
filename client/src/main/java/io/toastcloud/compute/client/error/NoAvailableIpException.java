package io.toastcloud.compute.client.error;

/** No IP address can be allocated (resultCode 20001). */
public class NoAvailableIpException extends ToastServiceException {
    public NoAvailableIpException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
    }
}
