package io.toastcloud.compute.examples;

import io.toastcloud.compute.api.AvailabilityZoneApi;
import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.api.ImageApi;
import io.toastcloud.compute.api.InstanceActionApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.NetworkApi;
import io.toastcloud.compute.api.SecurityGroupApi;
import io.toastcloud.compute.api.SecurityGroupRuleApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.model.AddFloatingIpAction;
import io.toastcloud.compute.model.AddFloatingIpParameters;
import io.toastcloud.compute.model.CreatedKeypair;
import io.toastcloud.compute.model.Direction;
import io.toastcloud.compute.model.Ethertype;
import io.toastcloud.compute.model.Flavor;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.FloatingIpCreateRequest;
import io.toastcloud.compute.model.FloatingIpPoolReference;
import io.toastcloud.compute.model.Image;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.Protocol;
import io.toastcloud.compute.model.RemoveFloatingIpAction;
import io.toastcloud.compute.model.RemoveFloatingIpParameters;
import io.toastcloud.compute.model.SecurityGroup;
import io.toastcloud.compute.model.SecurityGroupName;
import io.toastcloud.compute.model.SecurityGroupRequest;
import io.toastcloud.compute.model.SecurityGroupRuleCreateRequest;
import io.toastcloud.compute.model.SecurityGroupRuleSpec;
import io.toastcloud.compute.model.SecurityGroupSpec;
import io.toastcloud.compute.model.VolumeAttachRequest;
import io.toastcloud.compute.model.VolumeAttachSpec;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import java.util.Comparator;
import java.util.List;

/**
 * {@link ProvisionWebServer}, step for step, written against the generated API only
 * ({@code toast.api(XxxApi.class)}, raw waiters), as a program had to be before the resource
 * classes. Kept, compiled and run to state what the resource classes save (the build prints both
 * line counts); not an example to follow.
 */
public class ProvisionWebServerWithGeneratedApi {
    /** What was made, for the teardown. */
    public record WebServer(String instanceId, String volumeId, FloatingIp floatingIp, String groupId, String keyName) {
    }

    public static WebServer provision(ToastComputeClient toast, String imageName) {
        Flavor flavor = toast.api(FlavorApi.class).listFlavors().getFlavors().stream()
                .min(Comparator.comparing(Flavor::getVcpus).thenComparing(Flavor::getRam)).orElseThrow();
        Image image = toast.api(ImageApi.class).listImages().getImages().stream()
                .filter(i -> imageName.equals(i.getName())).findFirst().orElseThrow();
        CreatedKeypair key = toast.api(KeypairApi.class).createKeypair(new KeypairCreateRequest()
                .keypair(new KeypairCreateSpec().name("web-key"))).getKeypair();
        SecurityGroup http = toast.api(SecurityGroupApi.class).createSecurityGroup(new SecurityGroupRequest()
                .securityGroup(new SecurityGroupSpec().name("web-http").description("HTTP from anywhere"))).getSecurityGroup();
        toast.api(SecurityGroupRuleApi.class).createSecurityGroupRule(new SecurityGroupRuleCreateRequest()
                .securityGroupRule(new SecurityGroupRuleSpec().securityGroupId(http.getId())
                        .direction(Direction.INGRESS).ethertype(Ethertype.IPV4).protocol(Protocol.TCP)
                        .portRangeMin(80).portRangeMax(80).remoteIpPrefix("0.0.0.0/0")));
        String zone = toast.api(AvailabilityZoneApi.class).listAvailabilityZones().getZones().get(0).getZoneName();
        String instanceId = toast.api(InstanceApi.class).createInstance(new InstanceCreateRequest().instance(new InstanceCreateSpec()
                .name("web-01").image(image.getId()).flavor(flavor.getId()).keyName(key.getName())
                .networks(List.of(new NetworkReference().id(toast.api(NetworkApi.class).listNetworks().getNetworks().get(0).getId())))
                .availabilityZone(zone).volume(new InstanceRootVolumeSpec().size(image.getMinDisk()))
                .securityGroups(List.of(new SecurityGroupName().name("default"), new SecurityGroupName().name(http.getName())))))
                .getInstance().getId();
        toast.instanceWaiter().untilActive(instanceId);
        InstanceDetail running = toast.api(InstanceApi.class).listInstanceDetails(instanceId).getInstances().get(0);
        System.out.println(running.getName() + " is ACTIVE at " + running.getAddresses().get(0).getIpAddress());

        String volumeId = toast.api(BlockStorageApi.class).createVolume(new VolumeCreateRequest()
                .volume(new VolumeCreateSpec().name("web-data").size(10).availabilityZone(zone))).getVolume().getId();
        toast.volumeWaiter().untilAvailable(volumeId);
        toast.api(InstanceApi.class).attachVolume(instanceId, new VolumeAttachRequest()
                .attachment(new VolumeAttachSpec().volumeId(volumeId)));
        toast.volumeWaiter().untilInUse(volumeId);

        String poolId = toast.api(FloatingIpApi.class).listFloatingIpPools().getPools().get(0).getId();
        FloatingIp ip = toast.api(FloatingIpApi.class).createFloatingIp(new FloatingIpCreateRequest()
                .pool(new FloatingIpPoolReference().id(poolId))).getFloatingIp();
        toast.api(InstanceActionApi.class).performInstanceAction(instanceId, new AddFloatingIpAction()
                .action(AddFloatingIpAction.ActionEnum.ADD_FLOATING_IP).parameters(new AddFloatingIpParameters()
                        .address(ip.getFloatingIpAddress()).ipAddress(running.getAddresses().get(0).getIpAddress())));
        System.out.println("http://" + ip.getFloatingIpAddress() + "/");
        return new WebServer(instanceId, volumeId, ip, http.getId(), key.getName());
    }

    public static void teardown(ToastComputeClient toast, WebServer web) {
        toast.api(InstanceActionApi.class).performInstanceAction(web.instanceId(), new RemoveFloatingIpAction()
                .action(RemoveFloatingIpAction.ActionEnum.REMOVE_FLOATING_IP)
                .parameters(new RemoveFloatingIpParameters().address(web.floatingIp().getFloatingIpAddress())));
        toast.api(FloatingIpApi.class).deleteFloatingIp(web.floatingIp().getId());
        toast.api(InstanceApi.class).detachVolume(web.instanceId(), web.volumeId());
        toast.volumeWaiter().untilAvailable(web.volumeId());
        toast.api(BlockStorageApi.class).deleteVolume(web.volumeId());
        toast.api(InstanceApi.class).deleteInstance(web.instanceId());
        toast.volumeWaiter().untilGone(web.volumeId());
        toast.instanceWaiter().untilGone(web.instanceId());
        toast.api(SecurityGroupApi.class).deleteSecurityGroup(web.groupId());
        toast.api(KeypairApi.class).deleteKeypair(web.keyName());
    }

    public static void main(String[] args) {
        try (ToastComputeClient toast = ToastComputeClient.builder().fromEnvironment().build()) {
            teardown(toast, provision(toast, args.length > 0 ? args[0] : "Ubuntu Server 16.04.2 LTS (2017.05.23)"));
        }
    }
}
