package io.toastcloud.compute.client.error;

/** The service could not parse the request body (resultCode -8). */
public class JsonParsingException extends ToastServiceException {
    public JsonParsingException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
    }
}
