package io.toastcloud.compute.client.error;

/** The service failed internally (resultCode -2 or -6, or an API code ending in 5xx). */
public class ServerSideException extends ToastServiceException {
    public ServerSideException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
    }
}
