package io.toastcloud.compute.client.error;

import io.toastcloud.compute.contract.Violation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The request breaks the contract and was not sent. Lists every broken rule, not only the first.
 * An {@link InvalidRequestException} like the service's own refusals; its {@link #resultCode()} is
 * the code the contract gives invalid parameters, {@value #INVALID_PARAMETERS_CODE}, and
 * {@link #wasSent()} is false.
 */
public class RequestValidationException extends InvalidRequestException {
    /** The contract's common code for invalid parameters ({@code info.x-result-codes}; a test holds the two together). */
    public static final int INVALID_PARAMETERS_CODE = -4;

    private final List<Violation> violations;

    public RequestValidationException(String operation, List<Violation> violations) {
        this(operation, List.copyOf(violations), violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }

    private RequestValidationException(String operation, List<Violation> violations, String broken) {
        super(operation, INVALID_PARAMETERS_CODE, "request not sent, it breaks the contract: " + broken,
                "request not sent, it breaks the contract: " + broken);
        this.violations = violations;
    }

    public List<Violation> violations() {
        return violations;
    }
}
