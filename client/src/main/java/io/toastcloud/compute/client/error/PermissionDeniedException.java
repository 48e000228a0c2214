package io.toastcloud.compute.client.error;

/** The user, appkey or token may not make this request (resultCode -3, or an API code ending in 403). */
public class PermissionDeniedException extends ToastServiceException {
    public PermissionDeniedException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
    }
}
