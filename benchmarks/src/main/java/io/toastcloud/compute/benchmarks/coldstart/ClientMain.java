package io.toastcloud.compute.benchmarks.coldstart;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;

/**
 * Cold start, the client: build it (the given transport, or {@code DEFAULT}), list flavors (which
 * issues the token first), print how many, close, exit. What an application's first call costs.
 */
public final class ClientMain {
    private ClientMain() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        ToastComputeClient.Builder builder = ToastComputeClient.builder()
                .appkey(CannedResponses.APPKEY)
                .credentials(CannedResponses.USERNAME, CannedResponses.API_PASSWORD)
                .endpoint(args[0]);
        if (args.length > 1 && !"DEFAULT".equals(args[1])) {
            builder.transport(Transport.valueOf(args[1]));
        }
        int flavors;
        long built;
        try (ToastComputeClient client = builder.build()) {
            built = System.nanoTime();
            flavors = client.api(FlavorApi.class).listFlavors().getFlavors().size();
        }
        Phases.report(start, built, System.nanoTime());
        System.out.println("flavors=" + flavors);
    }
}
