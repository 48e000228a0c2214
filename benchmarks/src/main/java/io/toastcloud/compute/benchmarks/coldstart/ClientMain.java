package io.toastcloud.compute.benchmarks.coldstart;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.contract.Contract;

/**
 * Cold start, the client: build it (the given transport, or {@code DEFAULT}), list flavors (which
 * issues the token first), print how many, close, exit. What an application's first call costs.
 * The contract is read first on its own ({@link Contract#bundled()}, which the build would
 * otherwise do first), so that {@link Phases} can tell reading the contract from the rest of
 * building; the work done is the same.
 */
public final class ClientMain {
    private ClientMain() {
    }

    public static void main(String[] args) {
        Phases.entered();
        Contract.bundled();
        Phases.contractRead();
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
