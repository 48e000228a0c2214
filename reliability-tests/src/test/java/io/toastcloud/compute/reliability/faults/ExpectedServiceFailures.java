package io.toastcloud.compute.reliability.faults;

import io.toastcloud.compute.client.error.AuthenticationException;
import io.toastcloud.compute.client.error.ConflictException;
import io.toastcloud.compute.client.error.InvalidParametersException;
import io.toastcloud.compute.client.error.JsonParsingException;
import io.toastcloud.compute.client.error.NoAccessibleNetworkException;
import io.toastcloud.compute.client.error.NoAvailableIpException;
import io.toastcloud.compute.client.error.NotSupportedException;
import io.toastcloud.compute.client.error.PermissionDeniedException;
import io.toastcloud.compute.client.error.RequestFailedException;
import io.toastcloud.compute.client.error.ResourceNotFoundException;
import io.toastcloud.compute.client.error.ServerSideException;
import io.toastcloud.compute.client.error.ToastServiceException;
import io.toastcloud.compute.testsupport.ContractModel;
import java.util.Map;

/**
 * What each result code of the guide must become, written here independently of the client's
 * own mapping: the classes of {@code info.x-result-codes}, and the HTTP status in the last three
 * digits of a per-API code ({@code info.x-result-code-ranges}).
 */
final class ExpectedServiceFailures {
    /** Every class of {@code x-result-codes} but {@code success}; a new class fails the suite until it is added here. */
    static final Map<String, Class<? extends ToastServiceException>> BY_CLASS = Map.ofEntries(
            Map.entry("failed", RequestFailedException.class),
            Map.entry("unknown", ServerSideException.class),
            Map.entry("permissionDenied", PermissionDeniedException.class),
            Map.entry("invalidParameters", InvalidParametersException.class),
            Map.entry("notFound", ResourceNotFoundException.class),
            Map.entry("internalDatabase", ServerSideException.class),
            Map.entry("notSupported", NotSupportedException.class),
            Map.entry("jsonParsing", JsonParsingException.class),
            Map.entry("noAvailableIp", NoAvailableIpException.class),
            Map.entry("noAccessibleNetwork", NoAccessibleNetworkException.class));

    /** The HTTP statuses a per-API code may carry, and what each must become. */
    static final Map<Integer, Class<? extends ToastServiceException>> BY_RANGE_STATUS = Map.of(
            400, InvalidParametersException.class,
            401, AuthenticationException.class,
            403, PermissionDeniedException.class,
            404, ResourceNotFoundException.class,
            405, NotSupportedException.class,
            409, ConflictException.class,
            422, InvalidParametersException.class,
            429, ToastServiceException.class);

    private ExpectedServiceFailures() {
    }

    /** Whether the contract lists this code in {@code info.x-token-invalid-result-codes}. */
    static boolean isTokenInvalid(int code) {
        for (var token : ContractModel.bundled().document().at("/info/x-token-invalid-result-codes")) {
            if (token.asInt() == code) {
                return true;
            }
        }
        return false;
    }

    /** The expected type for a result code answered by {@code operation}. */
    static Class<? extends ToastServiceException> of(int code, String operation) {
        ContractModel contract = ContractModel.bundled();
        if (isTokenInvalid(code)) {
            return AuthenticationException.class;
        }
        for (var entry : contract.document().at("/info/x-result-codes")) {
            if (entry.path("code").asInt() == code) {
                String kind = entry.path("class").asText();
                if ("failed".equals(kind) && "issueToken".equals(operation)) {
                    return AuthenticationException.class; // -1 on the token endpoint: wrong user name or API password
                }
                Class<? extends ToastServiceException> type = BY_CLASS.get(kind);
                if (type == null) {
                    throw new IllegalStateException("result code class '" + kind + "' is new: say what it must become");
                }
                return type;
            }
        }
        for (var range : contract.document().at("/info/x-result-code-ranges")) {
            if (code >= range.path("from").asInt() && code <= range.path("to").asInt()) {
                return BY_RANGE_STATUS.getOrDefault(code % 1000, ToastServiceException.class);
            }
        }
        return ToastServiceException.class;
    }
}
