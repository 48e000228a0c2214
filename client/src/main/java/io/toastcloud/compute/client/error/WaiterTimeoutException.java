package io.toastcloud.compute.client.error;

/** A waiter gave up: the resource did not reach the wanted state within the timeout. */
public class WaiterTimeoutException extends ToastComputeException {
    private final String lastStatus;

    public WaiterTimeoutException(String what, String lastStatus, java.time.Duration timeout) {
        super(null, what + " did not happen within " + timeout + " (last status: " + lastStatus + ")");
        this.lastStatus = lastStatus;
    }

    public String lastStatus() {
        return lastStatus;
    }
}
