package io.toastcloud.compute.client.waiter;

import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.client.error.ResourceNotFoundException;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceStatus;
import io.toastcloud.compute.model.InstanceSummary;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Waits for an instance to reach a status or to be gone. A status is polled on the detailed
 * list (filtered by id), so that what the waiter returns is what a caller needs next: the
 * {@link InstanceDetail} with its addresses, volumes and security groups; the end of a delete is
 * polled on the brief list, as nothing is returned. Fails
 * fast on the failure statuses the contract marks ({@code x-terminal-failure-values} of
 * {@code InstanceStatus}: ERROR), unless ERROR is what is waited for.
 */
public final class InstanceWaiters {
    private final InstanceApi api;
    private final Waiter waiter;
    private final Set<String> failures;

    public InstanceWaiters(InstanceApi api, Waiter waiter, Contract contract) {
        this.api = api;
        this.waiter = waiter;
        this.failures = contract.terminalFailureValues("InstanceStatus");
    }

    /** Waits until the instance has one of {@code wanted}, and returns its detail. */
    public InstanceDetail untilStatus(String instanceId, InstanceStatus... wanted) {
        Set<String> targets = Arrays.stream(wanted).map(InstanceStatus::getValue).collect(Collectors.toSet());
        Set<String> fail = failures.stream().filter(f -> !targets.contains(f)).collect(Collectors.toSet());
        return waiter.until("instance " + instanceId + " to become " + targets, () -> findDetail(instanceId),
                i -> String.valueOf(i.getStatus()), targets, fail);
    }

    public InstanceDetail untilActive(String instanceId) {
        return untilStatus(instanceId, InstanceStatus.ACTIVE);
    }

    public InstanceDetail untilStopped(String instanceId) {
        return untilStatus(instanceId, InstanceStatus.STOP);
    }

    /** Waits until the instance no longer exists (after {@code deleteInstance}). */
    public void untilGone(String instanceId) {
        waiter.untilGone("instance " + instanceId + " to be deleted", () -> find(instanceId),
                i -> String.valueOf(i.getStatus()), failures);
    }

    private Optional<InstanceDetail> findDetail(String instanceId) {
        try {
            List<InstanceDetail> found = api.listInstanceDetails(instanceId).getInstances();
            return found == null ? Optional.empty()
                    : found.stream().filter(i -> instanceId.equals(i.getId())).findFirst();
        } catch (ResourceNotFoundException gone) {
            return Optional.empty();
        }
    }

    private Optional<InstanceSummary> find(String instanceId) {
        try {
            List<InstanceSummary> found = api.listInstances(instanceId).getInstances();
            return found == null ? Optional.empty()
                    : found.stream().filter(i -> instanceId.equals(i.getId())).findFirst();
        } catch (ResourceNotFoundException gone) {
            return Optional.empty();
        }
    }
}
