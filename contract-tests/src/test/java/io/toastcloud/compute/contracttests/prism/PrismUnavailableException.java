package io.toastcloud.compute.contracttests.prism;

/** Prism could not be started or reached. The contract tests fail with it; they are never skipped. */
public final class PrismUnavailableException extends RuntimeException {
    private static final String PREFIX = "Contract tests need Prism, and it is not available: ";

    public PrismUnavailableException(String reason) {
        super(PREFIX + reason);
    }

    private PrismUnavailableException(PrismUnavailableException first) {
        super(first.getMessage());
    }

    /** The same failure, thrown again for a later test (a fresh exception, so each test's trace is its own). */
    PrismUnavailableException again() {
        return new PrismUnavailableException(this);
    }
}
