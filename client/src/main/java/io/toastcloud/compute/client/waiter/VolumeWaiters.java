package io.toastcloud.compute.client.waiter;

import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.client.error.ResourceNotFoundException;
import io.toastcloud.compute.model.Volume;
import io.toastcloud.compute.model.VolumeStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Waits for a block storage volume to be available, in use, or gone. Fails fast on the failure
 * statuses the contract marks ({@code x-terminal-failure-values} of {@code VolumeStatus}: error,
 * error_deleting, error_backing-up, error_restoring).
 */
public final class VolumeWaiters {
    private final BlockStorageApi api;
    private final Waiter waiter;
    private final Set<String> failures;

    public VolumeWaiters(BlockStorageApi api, Waiter waiter, Contract contract) {
        this.api = api;
        this.waiter = waiter;
        this.failures = contract.terminalFailureValues("VolumeStatus");
    }

    public Volume untilStatus(String volumeId, VolumeStatus wanted) {
        return waiter.until("volume " + volumeId + " to become " + wanted.getValue(), () -> find(volumeId),
                v -> String.valueOf(v.getStatus()), Set.of(wanted.getValue()), failures);
    }

    public Volume untilAvailable(String volumeId) {
        return untilStatus(volumeId, VolumeStatus.AVAILABLE);
    }

    public Volume untilInUse(String volumeId) {
        return untilStatus(volumeId, VolumeStatus.IN_USE);
    }

    public void untilGone(String volumeId) {
        waiter.untilGone("volume " + volumeId + " to be deleted", () -> find(volumeId),
                v -> String.valueOf(v.getStatus()), failures);
    }

    private Optional<Volume> find(String volumeId) {
        try {
            List<Volume> found = api.listVolumes(volumeId).getVolumes();
            return found == null ? Optional.empty() : found.stream().filter(v -> volumeId.equals(v.getId())).findFirst();
        } catch (ResourceNotFoundException gone) {
            return Optional.empty();
        }
    }
}
