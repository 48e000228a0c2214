package io.toastcloud.compute.client.action;

import io.toastcloud.compute.api.InstanceActionApi;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.model.AddFloatingIpAction;
import io.toastcloud.compute.model.AddFloatingIpParameters;
import io.toastcloud.compute.model.AddSecurityGroupAction;
import io.toastcloud.compute.model.CreatedImage;
import io.toastcloud.compute.model.InstanceActionRequest;
import io.toastcloud.compute.model.InstanceActionResponse;
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

/**
 * One method per instance action, over the single action endpoint
 * ({@code POST .../instances/{instanceId}/action}). Each method returns when the service has
 * accepted the action; use the instance waiter to wait for its outcome. Failures are the
 * client's typed exceptions (for example {@code ConflictException} when the instance is not in a
 * state that allows the action).
 */
public final class InstanceActions {
    private final InstanceActionApi api;

    public InstanceActions(InstanceActionApi api) {
        this.api = api;
    }

    /** Starts a stopped (STOP) instance. */
    public void start(String instanceId) {
        perform(instanceId, new StartAction().action(StartAction.ActionEnum.START));
    }

    /** Stops a running (ACTIVE) or failed (ERROR) instance. */
    public void stop(String instanceId) {
        perform(instanceId, new StopAction().action(StopAction.ActionEnum.STOP));
    }

    /** Reboots, gracefully ({@link RebootType#SOFT}) or by force ({@link RebootType#HARD}). */
    public void reboot(String instanceId, RebootType type) {
        perform(instanceId, new RebootAction().action(RebootAction.ActionEnum.REBOOT)
                .parameters(new RebootParameters().type(type)));
    }

    /** Changes the instance's flavor. */
    public void resize(String instanceId, String flavorId) {
        perform(instanceId, new ResizeAction().action(ResizeAction.ActionEnum.RESIZE)
                .parameters(new ResizeParameters().flavor(flavorId)));
    }

    /** Creates an image of a stopped instance; returns the image being created (wait for it with the image waiter). */
    public CreatedImage uploadImage(String instanceId, String imageName) {
        InstanceActionResponse response = perform(instanceId, new UploadImageAction()
                .action(UploadImageAction.ActionEnum.UPLOAD_IMAGE)
                .parameters(new UploadImageParameters().name(imageName)));
        if (response.getCreatedImage() == null) {
            throw new MalformedResponseException("performInstanceAction", "uploadImage succeeded but named no createdImage", null);
        }
        return response.getCreatedImage();
    }

    /** Associates a floating IP with one of the instance's fixed IP addresses. */
    public void addFloatingIp(String instanceId, String floatingIpAddress, String fixedIpAddress) {
        perform(instanceId, new AddFloatingIpAction().action(AddFloatingIpAction.ActionEnum.ADD_FLOATING_IP)
                .parameters(new AddFloatingIpParameters().address(floatingIpAddress).ipAddress(fixedIpAddress)));
    }

    /** Disassociates a floating IP from the instance. */
    public void removeFloatingIp(String instanceId, String floatingIpAddress) {
        perform(instanceId, new RemoveFloatingIpAction().action(RemoveFloatingIpAction.ActionEnum.REMOVE_FLOATING_IP)
                .parameters(new RemoveFloatingIpParameters().address(floatingIpAddress)));
    }

    /** Applies one more security group, by name. */
    public void addSecurityGroup(String instanceId, String securityGroupName) {
        perform(instanceId, new AddSecurityGroupAction().action(AddSecurityGroupAction.ActionEnum.ADD_SECURITY_GROUP)
                .parameters(new SecurityGroupActionParameters().name(securityGroupName)));
    }

    /** Removes a security group, by name. */
    public void removeSecurityGroup(String instanceId, String securityGroupName) {
        perform(instanceId, new RemoveSecurityGroupAction()
                .action(RemoveSecurityGroupAction.ActionEnum.REMOVE_SECURITY_GROUP)
                .parameters(new SecurityGroupActionParameters().name(securityGroupName)));
    }

    private InstanceActionResponse perform(String instanceId, InstanceActionRequest action) {
        return api.performInstanceAction(instanceId, action);
    }
}
