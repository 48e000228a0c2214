package io.toastcloud.compute.examples;

// provision:begin
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.resource.FloatingIpAddress;
import io.toastcloud.compute.client.resource.FloatingIpId;
import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.client.resource.SecurityGroupId;
import io.toastcloud.compute.client.resource.VolumeId;
import io.toastcloud.compute.model.CreatedKeypair;
import io.toastcloud.compute.model.Direction;
import io.toastcloud.compute.model.Ethertype;
import io.toastcloud.compute.model.Flavor;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.Image;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.Protocol;
import io.toastcloud.compute.model.SecurityGroup;
import io.toastcloud.compute.model.SecurityGroupName;
import io.toastcloud.compute.model.SecurityGroupRuleSpec;
import io.toastcloud.compute.model.VolumeCreateSpec;
import java.util.Comparator;
import java.util.List;

public class ProvisionWebServer {
    /** What was made, for the teardown. */
    public record WebServer(InstanceId instance, VolumeId volume, FloatingIp floatingIp, SecurityGroupId group,
            String keyName) {
    }

    /** The smallest flavor, an image by name, a key pair, a group open on port 80, the instance, a volume, a floating IP. */
    public static WebServer provision(ToastComputeClient toast, String imageName) {
        Flavor flavor = toast.flavors().list().stream()
                .min(Comparator.comparing(Flavor::getVcpus).thenComparing(Flavor::getRam)).orElseThrow();
        Image image = toast.images().findByName(imageName).orElseThrow();
        CreatedKeypair key = toast.keypairs().create("web-key"); // keep key.getPrivateKey(): it is returned once
        SecurityGroup http = toast.securityGroups().create("web-http", "HTTP from anywhere");
        toast.securityGroups().rules().create(SecurityGroupId.of(http), new SecurityGroupRuleSpec()
                .direction(Direction.INGRESS).ethertype(Ethertype.IPV4).protocol(Protocol.TCP)
                .portRangeMin(80).portRangeMax(80).remoteIpPrefix("0.0.0.0/0"));
        String zone = toast.availabilityZones().list().get(0).getZoneName();
        InstanceId instance = InstanceId.of(toast.instances().create(new InstanceCreateSpec()
                .name("web-01").image(image.getId()).flavor(flavor.getId()).keyName(key.getName())
                .networks(List.of(new NetworkReference().id(toast.networks().list().get(0).getId())))
                .availabilityZone(zone).volume(new InstanceRootVolumeSpec().size(image.getMinDisk()))
                .securityGroups(List.of(new SecurityGroupName().name("default"), new SecurityGroupName().name(http.getName())))));
        InstanceDetail running = toast.instances().waitUntilActive(instance);
        System.out.println(running.getName() + " is ACTIVE at " + running.getAddresses().get(0).getIpAddress());

        VolumeId data = VolumeId.of(toast.volumes().create(new VolumeCreateSpec().name("web-data").size(10).availabilityZone(zone)));
        toast.volumes().waitUntilAvailable(data);
        toast.volumes().attach(data, instance);
        toast.volumes().waitUntilInUse(data);

        FloatingIp ip = toast.floatingIps().create(toast.floatingIps().pools().get(0));
        toast.instances().addFloatingIp(instance, FloatingIpAddress.of(ip));
        System.out.println("http://" + ip.getFloatingIpAddress() + "/");
        return new WebServer(instance, data, ip, SecurityGroupId.of(http), key.getName());
    }

    /** Deletes everything {@link #provision} made, in the order the service allows. */
    public static void teardown(ToastComputeClient toast, WebServer web) {
        toast.instances().removeFloatingIp(web.instance(), FloatingIpAddress.of(web.floatingIp()));
        toast.floatingIps().delete(FloatingIpId.of(web.floatingIp()));
        toast.volumes().detach(web.volume(), web.instance());
        toast.volumes().waitUntilAvailable(web.volume());
        toast.volumes().delete(web.volume());
        toast.instances().delete(web.instance());
        toast.volumes().waitUntilGone(web.volume());
        toast.instances().waitUntilGone(web.instance());
        toast.securityGroups().delete(web.group()); // its rules go with it
        toast.keypairs().delete(web.keyName());
    }

    public static void main(String[] args) {
        try (ToastComputeClient toast = ToastComputeClient.builder().fromEnvironment().build()) {
            teardown(toast, provision(toast, args.length > 0 ? args[0] : "Ubuntu Server 16.04.2 LTS (2017.05.23)"));
        }
    }
}
// provision:end
