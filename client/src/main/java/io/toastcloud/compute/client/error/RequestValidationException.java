package io.toastcloud.compute.client.error;

import io.toastcloud.compute.contract.Violation;

import java.util.List;
import java.util.stream.Collectors;

/** The request breaks the contract and was not sent. Lists every broken rule, not only the first. */
public class RequestValidationException extends ToastComputeException {
    private final List<Violation> violations;

    public RequestValidationException(String operation, List<Violation> violations) {
        super(operation, "request not sent, it breaks the contract: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
