package io.toastcloud.compute.examples;

import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.api.SubnetApi;
import io.toastcloud.compute.api.SecurityGroupRuleApi;
import io.toastcloud.compute.api.SecurityGroupApi;
import io.toastcloud.compute.api.NetworkApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.InstanceActionApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.AvailabilityZoneApi;
import io.toastcloud.compute.api.ImageApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.FloatingIpCreateRequest;
import io.toastcloud.compute.model.FloatingIpPoolReference;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.SecurityGroup;
import io.toastcloud.compute.model.SecurityGroupName;
import io.toastcloud.compute.model.SecurityGroupRequest;
import io.toastcloud.compute.model.SecurityGroupRule;
import io.toastcloud.compute.model.SecurityGroupRuleCreateRequest;
import io.toastcloud.compute.model.SecurityGroupRuleSpec;
import io.toastcloud.compute.model.SecurityGroupSpec;
import io.toastcloud.compute.model.StartAction;
import io.toastcloud.compute.model.TokenAuth;
import io.toastcloud.compute.model.TokenIssueRequest;
import io.toastcloud.compute.model.Volume;
import io.toastcloud.compute.model.VolumeAttachRequest;
import io.toastcloud.compute.model.VolumeAttachSpec;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import io.toastcloud.compute.model.Direction;
import io.toastcloud.compute.model.Ethertype;
import java.util.List;

/**
 * Every one of the contract's 31 operations, called the way a user writes them: the appkey is
 * the client's, an optional argument is left out, and no argument is {@code null} or cast.
 * {@code EveryOperationTest} compiles it, runs it against the emulator, checks that each
 * operation was answered, and fails if this file ever holds a {@code null} or a cast.
 */
public final class EveryOperation {
    private EveryOperation() {
    }

    /** Runs every operation once, cleaning up after itself; {@code user} and {@code apiPassword} are the client's. */
    public static void run(ToastComputeClient toast, String user, String apiPassword, String publicKey) {
        // Tokens: the client issues its own; these two are also reachable.
        String tokenId = toast.api(TokenApi.class).issueToken(new TokenIssueRequest()
                .auth(new TokenAuth().username(user).password(apiPassword))).getAccess().getToken().getId();
        toast.api(TokenApi.class).getToken(tokenId);

        // Catalog.
        String zone = toast.api(AvailabilityZoneApi.class).listAvailabilityZones().getZones().get(0).getZoneName();
        String flavor = toast.api(FlavorApi.class).listFlavors().getFlavors().get(0).getId();
        String image = toast.api(ImageApi.class).listImages().getImages().stream()
                .filter(i -> i.getProperties() != null && "linux".equals(i.getProperties().get("os_type")))
                .findFirst().orElseThrow().getId();
        String network = toast.api(NetworkApi.class).listNetworks().getNetworks().get(0).getId();
        toast.api(NetworkApi.class).listNetworks(network);
        toast.api(SubnetApi.class).listSubnets();
        String pool = toast.api(FloatingIpApi.class).listFloatingIpPools().getPools().get(0).getId();

        // Key pair.
        toast.api(KeypairApi.class).createKeypair(new KeypairCreateRequest()
                .keypair(new KeypairCreateSpec().name("every-op").publicKey(publicKey)));
        toast.api(KeypairApi.class).listKeypairs();
        toast.api(KeypairApi.class).listKeypairs("every-op");

        // Security group and rule.
        SecurityGroup group = toast.api(SecurityGroupApi.class).createSecurityGroup(new SecurityGroupRequest()
                .securityGroup(new SecurityGroupSpec().name("every-op"))).getSecurityGroup();
        toast.api(SecurityGroupApi.class).updateSecurityGroup(group.getId(), new SecurityGroupRequest()
                .securityGroup(new SecurityGroupSpec().name("every-op").description("updated")));
        toast.api(SecurityGroupApi.class).listSecurityGroups();
        toast.api(SecurityGroupApi.class).listSecurityGroups(group.getId());
        SecurityGroupRule rule = toast.api(SecurityGroupRuleApi.class).createSecurityGroupRule(new SecurityGroupRuleCreateRequest()
                .securityGroupRule(new SecurityGroupRuleSpec().securityGroupId(group.getId())
                        .direction(Direction.INGRESS).ethertype(Ethertype.IPV4))).getSecurityGroupRule();
        toast.api(SecurityGroupRuleApi.class).listSecurityGroupRules();
        toast.api(SecurityGroupRuleApi.class).listSecurityGroupRules(rule.getId());

        // Instance.
        String instance = toast.api(InstanceApi.class).createInstance(new InstanceCreateRequest().instance(new InstanceCreateSpec()
                .name("every-op").image(image).flavor(flavor).availabilityZone(zone).keyName("every-op")
                .networks(List.of(new NetworkReference().id(network)))
                .volume(new InstanceRootVolumeSpec().size(20))
                .securityGroups(List.of(new SecurityGroupName().name("every-op"))))).getInstance().getId();
        toast.instanceWaiter().untilActive(instance);
        toast.api(InstanceApi.class).listInstances();
        toast.api(InstanceApi.class).listInstances(instance);
        toast.api(InstanceApi.class).listInstanceDetails();
        toast.api(InstanceApi.class).listInstanceDetails(instance);
        toast.instances().stop(InstanceId.of(instance));
        toast.instanceWaiter().untilStopped(instance);
        // An image of the stopped instance: listed a page at a time after a marker, then deleted.
        String own = toast.instances().uploadImage(InstanceId.of(instance), "every-op-image").getId();
        toast.imageWaiter().untilActive(own);
        toast.api(ImageApi.class).listImages(new ImageApi.ListImagesQueryParams().limit(1).marker(image));
        toast.api(ImageApi.class).deleteImage(own);
        toast.api(InstanceActionApi.class).performInstanceAction(instance, new StartAction().action(StartAction.ActionEnum.START));
        toast.instanceWaiter().untilActive(instance);

        // Volume, attached and detached.
        Volume volume = toast.api(BlockStorageApi.class).createVolume(new VolumeCreateRequest().volume(new VolumeCreateSpec()
                .name("every-op").size(10).availabilityZone(zone).volumeType(""))).getVolume();
        toast.volumeWaiter().untilAvailable(volume.getId());
        toast.api(BlockStorageApi.class).listVolumes();
        toast.api(BlockStorageApi.class).listVolumes(volume.getId());
        toast.api(InstanceApi.class).attachVolume(instance, new VolumeAttachRequest()
                .attachment(new VolumeAttachSpec().volumeId(volume.getId())));
        toast.volumeWaiter().untilInUse(volume.getId());
        toast.api(InstanceApi.class).detachVolume(instance, volume.getId());
        toast.volumeWaiter().untilAvailable(volume.getId());
        toast.api(BlockStorageApi.class).deleteVolume(volume.getId());

        // Floating IP.
        FloatingIp ip = toast.api(FloatingIpApi.class).createFloatingIp(new FloatingIpCreateRequest()
                .pool(new FloatingIpPoolReference().id(pool))).getFloatingIp();
        toast.api(FloatingIpApi.class).listFloatingIps();
        toast.api(FloatingIpApi.class).listFloatingIps(ip.getId());
        toast.api(FloatingIpApi.class).deleteFloatingIp(ip.getId());

        // Teardown.
        toast.api(InstanceApi.class).deleteInstance(instance);
        toast.instanceWaiter().untilGone(instance);
        toast.api(SecurityGroupRuleApi.class).deleteSecurityGroupRule(rule.getId());
        toast.api(SecurityGroupApi.class).deleteSecurityGroup(group.getId());
        toast.api(KeypairApi.class).deleteKeypair("every-op");
    }
}
