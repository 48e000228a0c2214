package io.toastcloud.compute.examples;

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
        String tokenId = toast.tokens().issueToken(new TokenIssueRequest()
                .auth(new TokenAuth().username(user).password(apiPassword))).getAccess().getToken().getId();
        toast.tokens().getToken(tokenId);

        // Catalog.
        String zone = toast.availabilityZones().listAvailabilityZones().getZones().get(0).getZoneName();
        String flavor = toast.flavors().listFlavors().getFlavors().get(0).getId();
        String image = toast.images().listImages().getImages().stream()
                .filter(i -> i.getProperties() != null && "linux".equals(i.getProperties().get("os_type")))
                .findFirst().orElseThrow().getId();
        String network = toast.networks().listNetworks().getNetworks().get(0).getId();
        toast.networks().listNetworks(network);
        toast.subnets().listSubnets();
        String pool = toast.floatingIps().listFloatingIpPools().getPools().get(0).getId();

        // Key pair.
        toast.keypairs().createKeypair(new KeypairCreateRequest()
                .keypair(new KeypairCreateSpec().name("every-op").publicKey(publicKey)));
        toast.keypairs().listKeypairs();
        toast.keypairs().listKeypairs("every-op");

        // Security group and rule.
        SecurityGroup group = toast.securityGroups().createSecurityGroup(new SecurityGroupRequest()
                .securityGroup(new SecurityGroupSpec().name("every-op"))).getSecurityGroup();
        toast.securityGroups().updateSecurityGroup(group.getId(), new SecurityGroupRequest()
                .securityGroup(new SecurityGroupSpec().name("every-op").description("updated")));
        toast.securityGroups().listSecurityGroups();
        toast.securityGroups().listSecurityGroups(group.getId());
        SecurityGroupRule rule = toast.securityGroupRules().createSecurityGroupRule(new SecurityGroupRuleCreateRequest()
                .securityGroupRule(new SecurityGroupRuleSpec().securityGroupId(group.getId())
                        .direction(Direction.INGRESS).ethertype(Ethertype.IPV4))).getSecurityGroupRule();
        toast.securityGroupRules().listSecurityGroupRules();
        toast.securityGroupRules().listSecurityGroupRules(rule.getId());

        // Instance.
        String instance = toast.instances().createInstance(new InstanceCreateRequest().instance(new InstanceCreateSpec()
                .name("every-op").image(image).flavor(flavor).availabilityZone(zone).keyName("every-op")
                .networks(List.of(new NetworkReference().id(network)))
                .volume(new InstanceRootVolumeSpec().size(20))
                .securityGroups(List.of(new SecurityGroupName().name("every-op"))))).getInstance().getId();
        toast.instanceWaiter().untilActive(instance);
        toast.instances().listInstances();
        toast.instances().listInstances(instance);
        toast.instances().listInstanceDetails();
        toast.instances().listInstanceDetails(instance);
        toast.actions().stop(instance);
        toast.instanceWaiter().untilStopped(instance);
        // An image of the stopped instance: listed a page at a time after a marker, then deleted.
        String own = toast.actions().uploadImage(instance, "every-op-image").getId();
        toast.imageWaiter().untilActive(own);
        toast.images().listImages(new ImageApi.ListImagesQueryParams().limit(1).marker(image));
        toast.images().deleteImage(own);
        toast.instanceActionApi().performInstanceAction(instance, new StartAction().action(StartAction.ActionEnum.START));
        toast.instanceWaiter().untilActive(instance);

        // Volume, attached and detached.
        Volume volume = toast.volumes().createVolume(new VolumeCreateRequest().volume(new VolumeCreateSpec()
                .name("every-op").size(10).availabilityZone(zone).volumeType(""))).getVolume();
        toast.volumeWaiter().untilAvailable(volume.getId());
        toast.volumes().listVolumes();
        toast.volumes().listVolumes(volume.getId());
        toast.instances().attachVolume(instance, new VolumeAttachRequest()
                .attachment(new VolumeAttachSpec().volumeId(volume.getId())));
        toast.volumeWaiter().untilInUse(volume.getId());
        toast.instances().detachVolume(instance, volume.getId());
        toast.volumeWaiter().untilAvailable(volume.getId());
        toast.volumes().deleteVolume(volume.getId());

        // Floating IP.
        FloatingIp ip = toast.floatingIps().createFloatingIp(new FloatingIpCreateRequest()
                .pool(new FloatingIpPoolReference().id(pool))).getFloatingIp();
        toast.floatingIps().listFloatingIps();
        toast.floatingIps().listFloatingIps(ip.getId());
        toast.floatingIps().deleteFloatingIp(ip.getId());

        // Teardown.
        toast.instances().deleteInstance(instance);
        toast.instanceWaiter().untilGone(instance);
        toast.securityGroupRules().deleteSecurityGroupRule(rule.getId());
        toast.securityGroups().deleteSecurityGroup(group.getId());
        toast.keypairs().deleteKeypair("every-op");
    }
}
