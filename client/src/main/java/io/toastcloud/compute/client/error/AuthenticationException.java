package io.toastcloud.compute.client.error;

/** The credentials or the token were refused (token-invalid codes such as 50401, an API code ending in 401, or -1 on token issue). */
public class AuthenticationException extends ToastServiceException {
    public AuthenticationException(String operation, int resultCode, String resultMessage) {
        super(operation, resultCode, resultMessage);
    }
}
