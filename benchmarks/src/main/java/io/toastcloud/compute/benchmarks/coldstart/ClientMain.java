package io.toastcloud.compute.benchmarks.coldstart;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;

/**
 * Cold start, the client: build it (the given transport, or {@code DEFAULT}), list flavors (which
 * issues the token first), print how many, close, exit. What an application's first call costs.
 * The contract is not read on its own first: {@code build()} reads it while its transport is
 * made on another thread, and a program of a user's does not read it first either, so the
 * "contract" phase is part of "client build" here (docs/BENCHMARKS.md, issue 17, fourth step).
 */
public final class ClientMain {
    private ClientMain() {
    }

    public static void main(String[] args) {
        Phases.entered();
        ToastComputeClient.Builder builder = ToastComputeClient.builder()
                .appkey(CannedResponses.APPKEY)
                .credentials(CannedResponses.USERNAME, CannedResponses.API_PASSWORD)
                .endpoint(args[0]);
        if (args.length > 1 && !"DEFAULT".equals(args[1])) {
            builder.transport(Transport.valueOf(args[1]));
        }
        int flavors;
        try (ToastComputeClient client = builder.build()) {
            Phases.built();
            flavors = client.api(FlavorApi.class).listFlavors().getFlavors().size();
            Phases.called();
        }
        System.out.println("flavors=" + flavors);
    }
}
