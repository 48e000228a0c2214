package io.toastcloud.compute.contracttests;

import static java.util.Map.entry;

import io.toastcloud.compute.client.error.AuthenticationException;
import io.toastcloud.compute.client.error.ConflictException;
import io.toastcloud.compute.client.error.InvalidParametersException;
import io.toastcloud.compute.client.error.JsonParsingException;
import io.toastcloud.compute.client.error.NoAccessibleNetworkException;
import io.toastcloud.compute.client.error.NoAvailableIpException;
import io.toastcloud.compute.client.error.NotSupportedException;
import io.toastcloud.compute.client.error.PermissionDeniedException;
import io.toastcloud.compute.client.error.ResourceNotFoundException;
import io.toastcloud.compute.client.error.ServerSideException;
import io.toastcloud.compute.client.error.ToastServiceException;
import java.util.Map;

/**
 * The typed exception each named failure example must surface as, written down here from the
 * result-code table (not computed with the runtime's own mapping, which is what is under test).
 * Exactly this class, not a subclass or superclass. A new failure example without a line here
 * fails {@code ContractCoverageTest}.
 */
final class FailureExpectations {
    static final Map<String, Class<? extends ToastServiceException>> BY_EXAMPLE = Map.ofEntries(
            // -1 FAIL on the token issue: the user name or API password is wrong
            entry("authenticationFailed", AuthenticationException.class),
            // 50401: the token is expired or invalid (the client re-issues once, then gives up)
            entry("tokenInvalid", AuthenticationException.class),
            // -2 UNKNOWN EXCEPTION
            entry("unknownException", ServerSideException.class),
            // -3 (the client re-issues its token once first, see REISSUE_ONCE)
            entry("permissionDenied", PermissionDeniedException.class),
            // -4, and 40400 (Block Storage API, HTTP 400: the volume's state does not allow it)
            entry("invalidParameters", InvalidParametersException.class),
            entry("volumeInvalidState", InvalidParametersException.class),
            // -5, and the per-API x404 codes
            entry("nonexistent", ResourceNotFoundException.class),
            entry("tokenNotFound", ResourceNotFoundException.class),
            entry("instanceNotFound", ResourceNotFoundException.class),
            entry("flavorNotFound", ResourceNotFoundException.class),
            entry("imageNotFound", ResourceNotFoundException.class),
            entry("keypairNotFound", ResourceNotFoundException.class),
            entry("volumeNotFound", ResourceNotFoundException.class),
            entry("securityGroupNotFound", ResourceNotFoundException.class),
            entry("floatingIpNotFound", ResourceNotFoundException.class),
            // per-API x403 codes: 30403, only the project's own images can be deleted
            entry("imageNotDeletable", PermissionDeniedException.class),
            // per-API x409 codes
            entry("instanceConflict", ConflictException.class),
            entry("keypairConflict", ConflictException.class),
            entry("securityGroupRuleConflict", ConflictException.class),
            entry("floatingIpInUse", ConflictException.class),
            // -7
            entry("notSupported", NotSupportedException.class),
            // -8
            entry("jsonParsingError", JsonParsingException.class),
            // 20001, 20004
            entry("noAvailableIp", NoAvailableIpException.class),
            entry("noAccessibleNetwork", NoAccessibleNetworkException.class));

    /** Failure examples after which the client re-issues its token once and retries the call. */
    static final String TOKEN_INVALID = "tokenInvalid";

    /**
     * Failure examples the client re-issues its token on, once: 50401 and -3 (whose row in the
     * guide's table names the token among what may be refused; DECISIONS.md D37).
     */
    static final java.util.Set<String> REISSUE_ONCE = java.util.Set.of(TOKEN_INVALID, "permissionDenied");

    private FailureExpectations() {
    }
}
