package io.toastcloud.compute.client.error;

/**
 * The service answered (HTTP 200, as it always does) with {@code header.isSuccessful: false}.
 * Subclasses tell the kind of failure apart; {@link #resultCode()} and {@link #resultMessage()}
 * are the service's own words. One exception: {@link RequestValidationException}, a request the
 * client refused before sending, is one too (through {@link InvalidRequestException}, so that
 * one catch covers invalid input found on either side).
 */
public class ToastServiceException extends ToastComputeException {
    private final int resultCode;
    private final String resultMessage;

    public ToastServiceException(String operation, int resultCode, String resultMessage) {
        this(operation, resultCode, resultMessage, "resultCode " + resultCode + ": " + resultMessage);
    }

    /** With a message of its own (after the operation), for a failure the client found first. */
    protected ToastServiceException(String operation, int resultCode, String resultMessage, String message) {
        super(operation, message);
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
