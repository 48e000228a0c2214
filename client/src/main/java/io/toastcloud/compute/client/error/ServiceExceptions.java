package io.toastcloud.compute.client.error;

import io.toastcloud.compute.contract.Contract;

/**
 * Turns a failed envelope ({@code isSuccessful: false}) into the typed exception for its result
 * code. The meaning of each code comes from the contract: {@code info.x-result-codes} for the
 * common codes, {@code info.x-result-code-ranges} for per-API codes (whose last three digits are
 * an HTTP status), and {@code info.x-token-invalid-result-codes}.
 */
public final class ServiceExceptions {
    private final Contract contract;

    public ServiceExceptions(Contract contract) {
        this.contract = contract;
    }

    public ToastServiceException of(String operation, int code, String message) {
        String kind = contract.resultCodeClass(code).orElse(null);
        // A token-invalid code with a meaning of its own (-3, permission denied: the user, appkey
        // or token) keeps that meaning; the client re-issues its token once on it all the same.
        if (kind == null && contract.isTokenInvalid(code)) {
            return new AuthenticationException(operation, code, message);
        }
        if (kind != null) {
            return switch (kind) {
                case "failed" -> "issueToken".equals(operation)
                        ? new AuthenticationException(operation, code, message)
                        : new RequestFailedException(operation, code, message);
                case "permissionDenied" -> new PermissionDeniedException(operation, code, message);
                case "invalidParameters" -> new InvalidParametersException(operation, code, message);
                case "notFound" -> new ResourceNotFoundException(operation, code, message);
                case "notSupported" -> new NotSupportedException(operation, code, message);
                case "jsonParsing" -> new JsonParsingException(operation, code, message);
                case "noAvailableIp" -> new NoAvailableIpException(operation, code, message);
                case "noAccessibleNetwork" -> new NoAccessibleNetworkException(operation, code, message);
                case "unknown", "internalDatabase" -> new ServerSideException(operation, code, message);
                default -> new ToastServiceException(operation, code, message);
            };
        }
        Integer status = contract.rangeHttpStatus(code).orElse(null);
        if (status == null) {
            return new ToastServiceException(operation, code, message);
        }
        return switch (status) {
            case 400, 422 -> new InvalidParametersException(operation, code, message);
            case 401 -> new AuthenticationException(operation, code, message);
            case 403 -> new PermissionDeniedException(operation, code, message);
            case 404 -> new ResourceNotFoundException(operation, code, message);
            case 405, 501 -> new NotSupportedException(operation, code, message);
            case 409 -> new ConflictException(operation, code, message);
            default -> status >= 500
                    ? new ServerSideException(operation, code, message)
                    : new ToastServiceException(operation, code, message);
        };
    }
}
