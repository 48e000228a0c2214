package io.toastcloud.compute.client.error;

/** A waiter stopped early: the resource reached a failure status (ERROR, error*, killed, ...) it will not leave by itself. */
public class ResourceFailedException extends ToastComputeException {
    private final String status;

    public ResourceFailedException(String what, String status) {
        super(null, what + " failed: the resource is in the failure status " + status);
        this.status = status;
    }

    public String status() {
        return status;
    }
}
