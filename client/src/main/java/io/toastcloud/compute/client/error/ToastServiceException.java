package io.toastcloud.compute.client.error;

/**
 * The service answered (HTTP 200, as it always does) with {@code header.isSuccessful: false}.
 * Subclasses tell the kind of failure apart; {@link #resultCode()} and {@link #resultMessage()}
 * are the service's own words.
 */
public class ToastServiceException extends ToastComputeException {
    private final int resultCode;
    private final String resultMessage;

    public ToastServiceException(String operation, int resultCode, String resultMessage) {
        super(operation, "resultCode " + resultCode + ": " + resultMessage);
        this.resultCode = resultCode;
        this.resultMessage = resultMessage;
    }

    public int resultCode() {
        return resultCode;
    }

    public String resultMessage() {
        return resultMessage;
    }
}
