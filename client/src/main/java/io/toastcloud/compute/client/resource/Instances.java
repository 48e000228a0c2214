package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.annotation.InternalApi;
import io.toastcloud.compute.api.InstanceActionApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.client.waiter.InstanceWaiters;
import io.toastcloud.compute.model.AddFloatingIpAction;
import io.toastcloud.compute.model.AddFloatingIpParameters;
import io.toastcloud.compute.model.AddSecurityGroupAction;
import io.toastcloud.compute.model.CreatedImage;
import io.toastcloud.compute.model.InstanceActionRequest;
import io.toastcloud.compute.model.InstanceActionResponse;
import io.toastcloud.compute.model.InstanceAddress;
import io.toastcloud.compute.model.IpVersion;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceStatus;
import io.toastcloud.compute.model.InstanceSummary;
import io.toastcloud.compute.model.RebootAction;
import io.toastcloud.compute.model.RebootParameters;
import io.toastcloud.compute.model.RebootType;
import io.toastcloud.compute.model.RemoveFloatingIpAction;
import io.toastcloud.compute.model.RemoveFloatingIpParameters;
import io.toastcloud.compute.model.RemoveSecurityGroupAction;
import io.toastcloud.compute.model.ResizeAction;
import io.toastcloud.compute.model.ResizeParameters;
import io.toastcloud.compute.model.SecurityGroupActionParameters;
import io.toastcloud.compute.model.StartAction;
import io.toastcloud.compute.model.StopAction;
import io.toastcloud.compute.model.UploadImageAction;
import io.toastcloud.compute.model.UploadImageParameters;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Instances ({@code toast.instances()}): create, look up, delete, the nine actions of the action
 * endpoint, and waiters that return the detail. A thin layer over {@link InstanceApi} and
 * {@link InstanceActionApi}: every request is still validated against the contract, every
 * failure is still the client's typed exception; only the shapes change (no one-field request
 * wrapper, no response envelope, typed ids, {@link Optional} for "not there").
 */
public final class Instances {
    private final InstanceApi api;
    private final InstanceActionApi actions;
    private final InstanceWaiters waiters;

    @InternalApi
    public Instances(InstanceApi api, InstanceActionApi actions, InstanceWaiters waiters) {
        this.api = api;
        this.actions = actions;
        this.waiters = waiters;
    }

    /**
     * Creates an instance (or {@code count} of them) and returns the first one created, in its
     * first status ({@code BUILD}); {@link #waitUntilActive} waits for it to run.
     */
    public InstanceSummary create(InstanceCreateSpec spec) {
        InstanceSummary created = api.createInstance(new InstanceCreateRequest().instance(spec)).getInstance();
        if (created == null) {
            throw new MalformedResponseException("createInstance", "the instance was created but the answer names none", null);
        }
        return created;
    }

    /** The instance's detail (addresses, flavor, volumes, security groups), or empty if there is no such instance. */
    public Optional<InstanceDetail> get(InstanceId id) {
        String wanted = id.value();
        return Lookups.one(() -> api.listInstanceDetails(wanted).getInstances(), InstanceDetail::getId, wanted);
    }

    /** Every instance, brief (id, name, status). */
    public List<InstanceSummary> list() {
        return Lookups.orEmpty(api.listInstances().getInstances());
    }

    /** Every instance, in detail. */
    public List<InstanceDetail> listDetails() {
        return Lookups.orEmpty(api.listInstanceDetails().getInstances());
    }

    /** The instance named {@code name}, or empty; refused (IllegalStateException) when several have that name. */
    public Optional<InstanceDetail> findByName(String name) {
        return Lookups.uniquelyNamed(listDetails(), InstanceDetail::getName, InstanceDetail::getId, name, "instance");
    }

    /** Every instance named {@code name} (the API does not make names unique). */
    public List<InstanceDetail> findAllByName(String name) {
        return Lookups.named(listDetails(), InstanceDetail::getName, name);
    }

    /** Deletes the instance; {@link #waitUntilGone} waits for the delete to end. */
    public void delete(InstanceId id) {
        api.deleteInstance(id.value());
    }

    /** Waits until the instance runs, and returns its detail (with the addresses it was given). */
    public InstanceDetail waitUntilActive(InstanceId id) {
        return waiters.untilActive(id.value());
    }

    public InstanceDetail waitUntilStopped(InstanceId id) {
        return waiters.untilStopped(id.value());
    }

    /** Waits until the instance has one of {@code wanted} (ERROR included, if named), and returns its detail. */
    public InstanceDetail waitUntilStatus(InstanceId id, InstanceStatus... wanted) {
        return waiters.untilStatus(id.value(), wanted);
    }

    /** Waits until the instance no longer exists. */
    public void waitUntilGone(InstanceId id) {
        waiters.untilGone(id.value());
    }

    /** Starts a stopped (STOP) instance. */
    public void start(InstanceId id) {
        perform(id, new StartAction().action(StartAction.ActionEnum.START));
    }

    /** Stops a running (ACTIVE) or failed (ERROR) instance. */
    public void stop(InstanceId id) {
        perform(id, new StopAction().action(StopAction.ActionEnum.STOP));
    }

    /** Reboots, gracefully ({@link RebootType#SOFT}) or by force ({@link RebootType#HARD}). */
    public void reboot(InstanceId id, RebootType type) {
        perform(id, new RebootAction().action(RebootAction.ActionEnum.REBOOT)
                .parameters(new RebootParameters().type(type)));
    }

    /** Changes the instance's flavor. */
    public void resize(InstanceId id, FlavorId flavor) {
        perform(id, new ResizeAction().action(ResizeAction.ActionEnum.RESIZE)
                .parameters(new ResizeParameters().flavor(flavor.value())));
    }

    /** Creates an image of a stopped instance; returns the image being made ({@code toast.images().waitUntilActive}). */
    public CreatedImage uploadImage(InstanceId id, String imageName) {
        InstanceActionResponse response = perform(id, new UploadImageAction()
                .action(UploadImageAction.ActionEnum.UPLOAD_IMAGE)
                .parameters(new UploadImageParameters().name(imageName)));
        if (response.getCreatedImage() == null) {
            throw new MalformedResponseException("performInstanceAction", "uploadImage succeeded but named no createdImage", null);
        }
        return response.getCreatedImage();
    }

    /** Associates a floating IP with one of the instance's fixed IP addresses. */
    public void addFloatingIp(InstanceId id, FloatingIpAddress floatingIp, FixedIpAddress fixedIp) {
        perform(id, new AddFloatingIpAction().action(AddFloatingIpAction.ActionEnum.ADD_FLOATING_IP)
                .parameters(new AddFloatingIpParameters().address(floatingIp.value()).ipAddress(fixedIp.value())));
    }

    /**
     * Associates a floating IP with the instance's fixed IPv4 address, read from its detail first
     * (one more call, before anything changes). Refused, with nothing changed, when the instance
     * does not exist or has not exactly one fixed IPv4 address: then name the address.
     */
    public void addFloatingIp(InstanceId id, FloatingIpAddress floatingIp) {
        InstanceDetail detail = get(id).orElseThrow(() -> new IllegalArgumentException("no instance " + id));
        List<InstanceAddress> fixed = Lookups.orEmpty(detail.getAddresses()).stream()
                .filter(a -> a.getIpAddress() != null && a.getVersion() != IpVersion.NUMBER_6)
                .toList();
        if (fixed.size() != 1) {
            throw new IllegalStateException("instance " + id + " has " + fixed.size()
                    + " fixed IPv4 addresses: name one with addFloatingIp(id, floatingIp, fixedIp)");
        }
        addFloatingIp(id, floatingIp, FixedIpAddress.of(fixed.get(0)));
    }

    /** Disassociates a floating IP from the instance (the floating IP stays allocated). */
    public void removeFloatingIp(InstanceId id, FloatingIpAddress floatingIp) {
        perform(id, new RemoveFloatingIpAction().action(RemoveFloatingIpAction.ActionEnum.REMOVE_FLOATING_IP)
                .parameters(new RemoveFloatingIpParameters().address(floatingIp.value())));
    }

    /** Applies one more security group, by name (the action endpoint takes names, not ids). */
    public void addSecurityGroup(InstanceId id, String securityGroupName) {
        perform(id, new AddSecurityGroupAction().action(AddSecurityGroupAction.ActionEnum.ADD_SECURITY_GROUP)
                .parameters(new SecurityGroupActionParameters().name(securityGroupName)));
    }

    /** Removes a security group, by name. */
    public void removeSecurityGroup(InstanceId id, String securityGroupName) {
        perform(id, new RemoveSecurityGroupAction()
                .action(RemoveSecurityGroupAction.ActionEnum.REMOVE_SECURITY_GROUP)
                .parameters(new SecurityGroupActionParameters().name(securityGroupName)));
    }

    private InstanceActionResponse perform(InstanceId id, InstanceActionRequest action) {
        return actions.performInstanceAction(Objects.requireNonNull(id, "instanceId").value(), action);
    }
}
