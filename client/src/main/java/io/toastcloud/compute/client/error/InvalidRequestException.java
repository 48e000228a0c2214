package io.toastcloud.compute.client.error;

/**
 * The request was invalid: fix it, sending it again will not help. Catch this one type for "my
 * input was wrong", wherever it was found out:
 * <ul>
 *   <li>by the client, before anything was sent: {@link RequestValidationException}, with every
 *       broken rule of the contract;</li>
 *   <li>by the service: {@link InvalidParametersException} ({@code -4}, or an API code ending in
 *       400) and {@link JsonParsingException} ({@code -8}).</li>
 * </ul>
 * {@link #resultCode()} is the service's code; for a request the client refused it is the code
 * the contract gives invalid parameters ({@value RequestValidationException#INVALID_PARAMETERS_CODE}),
 * and {@link #wasSent()} tells the two apart. A subclass of {@link ToastServiceException}, so
 * that a {@code catch (ToastServiceException e)} written before this class existed still catches
 * everything it caught.
 */
public class InvalidRequestException extends ToastServiceException {
    private final boolean sent;

    /** Refused by the service. */
    public InvalidRequestException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
        this.sent = true;
    }

    /** Refused by the client before sending; {@code message} is the whole message after the operation. */
    protected InvalidRequestException(String operation, int resultCode, String resultMessage, String message) {
        super(operation, resultCode, resultMessage, message);
        this.sent = false;
    }

    /** Whether the request reached the service (false: the client refused it and sent nothing). */
    public boolean wasSent() {
        return sent;
    }
}
