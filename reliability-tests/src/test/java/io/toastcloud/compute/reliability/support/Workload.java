package io.toastcloud.compute.reliability.support;

import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.testsupport.ContractModel;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.model.VolumeCreateRequest;

/** The calls the concurrency and load suites make: two reads and a create, in turn. */
public final class Workload {
    private static final VolumeCreateRequest VOLUME = (VolumeCreateRequest) ContractCalls
            .plain(ContractModel.bundled().operation("createVolume")).arguments()[0];

    private Workload() {
    }

    /** Call number {@code i}: listFlavors, listInstances, createVolume, listFlavors, ... */
    public static void call(ToastComputeClient client, int i) {
        switch (i % 3) {
            case 0 -> client.api(FlavorApi.class).listFlavors();
            case 1 -> client.api(InstanceApi.class).listInstances();
            default -> client.api(BlockStorageApi.class).createVolume(VOLUME);
        }
    }
}
