package io.toastcloud.compute.client.error;

/**
 * The answer was not HTTP 200. The service itself always answers 200, so this comes from
 * something in between (a proxy, a gateway, a load balancer) or from a mock server.
 */
public class HttpStatusException extends ToastComputeException {
    private final int status;
    private final String bodyExcerpt;

    public HttpStatusException(String operation, int status, String bodyExcerpt) {
        super(operation, "HTTP " + status + " (the service itself always answers 200; this came from a proxy, gateway or mock)"
                + (bodyExcerpt == null || bodyExcerpt.isEmpty() ? "" : ": " + bodyExcerpt));
        this.status = status;
        this.bodyExcerpt = bodyExcerpt;
    }

    public int status() {
        return status;
    }

    /** The start of the body, already redacted, for diagnosis. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
