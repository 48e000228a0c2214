package io.toastcloud.compute.client.error;

/** The resource does not exist (resultCode -5, or an API code ending in 404). */
public class ResourceNotFoundException extends ToastServiceException {
    public ResourceNotFoundException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
    }
}
