package io.toastcloud.compute.reliability.support;

import io.toastcloud.compute.reliability.support.Secrets;

/** The paths of the suites' stub service: everything under the appkey of {@link Secrets}. */
public final class StubPaths {
    public static final String BASE = "/v1.0/appkeys/" + Secrets.APPKEY;
    public static final String TOKENS = BASE + "/tokens";

    private StubPaths() {
    }
}
