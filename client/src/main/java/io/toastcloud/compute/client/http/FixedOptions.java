package io.toastcloud.compute.client.http;

import feign.Request;
import java.time.Duration;

/**
 * Feign's {@link Request.Options} without per-method overrides, which this client never sets.
 * Feign looks the overrides up on every call ({@code SynchronousMethodHandler.findOptions}), keyed
 * by a string it builds from the calling thread's group, name and id: about 1 KB per call for a
 * map that is always empty here (docs/BENCHMARKS.md, per-call round).
 */
public final class FixedOptions extends Request.Options {
    public FixedOptions(Duration connectTimeout, Duration readTimeout) {
        super(connectTimeout, readTimeout, false);
    }

    /** Always these options: no method has options of its own. */
    @Override
    public Request.Options getMethodOptions(String methodName) {
        return this;
    }

    /** Refused: the options are the same for every method of this client. */
    @Override
    public void setMethodOptions(String methodName, Request.Options options) {
        throw new UnsupportedOperationException("per-method options are not supported by this client");
    }
}
