package io.toastcloud.compute.client.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.RebootType;
import io.toastcloud.compute.model.SecurityGroupRuleSpec;
import io.toastcloud.compute.model.SecurityGroupSpec;
import io.toastcloud.compute.model.VolumeCreateSpec;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each method of the resource classes makes exactly one call, to the contract's operation it stands for. */
class ResourceOperationsTest {
    private static final InstanceId I = InstanceId.of("i-1");
    private static final VolumeId V = VolumeId.of("v-1");
    private static final SecurityGroupId G = SecurityGroupId.of("sg-1");
    private static final FloatingIpAddress IP = FloatingIpAddress.of("133.186.150.12");

    private FacadeStub stub;
    private ToastComputeClient toast;

    @BeforeEach
    void start() {
        stub = new FacadeStub();
        toast = stub.stub.client();
    }

    @AfterEach
    void stop() {
        toast.close();
        stub.stub.close();
    }

    private static Arguments call(String operation, String label, Consumer<ToastComputeClient> call) {
        return Arguments.of(label, operation, call);
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                call("createInstance", "instances().create", t -> t.instances().create(FacadeStub.instanceSpec())),
                call("listInstanceDetails", "instances().get", t -> t.instances().get(I)),
                call("listInstances", "instances().list", t -> t.instances().list()),
                call("listInstanceDetails", "instances().listDetails", t -> t.instances().listDetails()),
                call("listInstanceDetails", "instances().findByName", t -> t.instances().findByName("web-01")),
                call("listInstanceDetails", "instances().findAllByName", t -> t.instances().findAllByName("web-01")),
                call("deleteInstance", "instances().delete", t -> t.instances().delete(I)),
                call("listInstanceDetails", "instances().waitUntilActive", t -> t.instances().waitUntilActive(I)),
                call("performInstanceAction", "instances().start", t -> t.instances().start(I)),
                call("performInstanceAction", "instances().stop", t -> t.instances().stop(I)),
                call("performInstanceAction", "instances().reboot", t -> t.instances().reboot(I, RebootType.SOFT)),
                call("performInstanceAction", "instances().resize", t -> t.instances().resize(I, FlavorId.of("f-2"))),
                call("performInstanceAction", "instances().uploadImage", t -> t.instances().uploadImage(I, "golden")),
                call("performInstanceAction", "instances().addFloatingIp", t -> t.instances().addFloatingIp(I, IP,
                        FixedIpAddress.of("192.168.0.10"))),
                call("performInstanceAction", "instances().removeFloatingIp", t -> t.instances().removeFloatingIp(I, IP)),
                call("performInstanceAction", "instances().addSecurityGroup", t -> t.instances().addSecurityGroup(I, "web")),
                call("performInstanceAction", "instances().removeSecurityGroup", t -> t.instances().removeSecurityGroup(I, "web")),
                call("createVolume", "volumes().create", t -> t.volumes().create(new VolumeCreateSpec().name("data").size(10).availabilityZone("kr-pub-a"))),
                call("listVolumes", "volumes().get", t -> t.volumes().get(V)),
                call("listVolumes", "volumes().list", t -> t.volumes().list()),
                call("listVolumes", "volumes().findByName", t -> t.volumes().findByName("data")),
                call("deleteVolume", "volumes().delete", t -> t.volumes().delete(V)),
                call("attachVolume", "volumes().attach", t -> t.volumes().attach(V, I)),
                call("detachVolume", "volumes().detach", t -> t.volumes().detach(V, I)),
                call("listVolumes", "volumes().waitUntilAvailable", t -> t.volumes().waitUntilAvailable(V)),
                call("listImages", "images().get", t -> t.images().get(ImageId.of("img-1"))),
                call("listImages", "images().list", t -> t.images().list()),
                call("listImages", "images().findByName", t -> t.images().findByName("CentOS 7.3")),
                call("deleteImage", "images().delete", t -> t.images().delete(ImageId.of("img-1"))),
                call("listImages", "images().waitUntilActive", t -> t.images().waitUntilActive(ImageId.of("img-1"))),
                call("createKeypair", "keypairs().create", t -> t.keypairs().create("k")),
                call("createKeypair", "keypairs().importPublicKey", t -> t.keypairs().importPublicKey("k",
                        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host")),
                call("createKeypair", "keypairs().create(spec)", t -> t.keypairs().create(new KeypairCreateSpec().name("k"))),
                call("listKeypairs", "keypairs().findByName", t -> t.keypairs().findByName("k")),
                call("listKeypairs", "keypairs().list", t -> t.keypairs().list()),
                call("deleteKeypair", "keypairs().delete", t -> t.keypairs().delete("k")),
                call("createSecurityGroup", "securityGroups().create", t -> t.securityGroups().create("web", "HTTP")),
                call("updateSecurityGroup", "securityGroups().update", t -> t.securityGroups().update(G,
                        new SecurityGroupSpec().name("web2"))),
                call("listSecurityGroups", "securityGroups().get", t -> t.securityGroups().get(G)),
                call("listSecurityGroups", "securityGroups().list", t -> t.securityGroups().list()),
                call("listSecurityGroups", "securityGroups().findByName", t -> t.securityGroups().findByName("web")),
                call("deleteSecurityGroup", "securityGroups().delete", t -> t.securityGroups().delete(G)),
                call("createSecurityGroupRule", "securityGroups().rules().create", t -> t.securityGroups().rules().create(G,
                        new SecurityGroupRuleSpec().direction(io.toastcloud.compute.model.Direction.INGRESS))),
                call("listSecurityGroupRules", "securityGroups().rules().get", t -> t.securityGroups().rules()
                        .get(SecurityGroupRuleId.of("r-1"))),
                call("listSecurityGroupRules", "securityGroups().rules().list", t -> t.securityGroups().rules().list()),
                call("listSecurityGroupRules", "securityGroups().rules().list(group)", t -> t.securityGroups().rules().list(G)),
                call("deleteSecurityGroupRule", "securityGroups().rules().delete", t -> t.securityGroups().rules()
                        .delete(SecurityGroupRuleId.of("r-1"))),
                call("listNetworks", "networks().get", t -> t.networks().get(NetworkId.of("n-1"))),
                call("listNetworks", "networks().list", t -> t.networks().list()),
                call("listNetworks", "networks().findByName", t -> t.networks().findByName("Default Network")),
                call("listSubnets", "subnets().get", t -> t.subnets().get(SubnetId.of("s-1"))),
                call("listSubnets", "subnets().list", t -> t.subnets().list()),
                call("listSubnets", "subnets().list(network)", t -> t.subnets().list(NetworkId.of("n-1"))),
                call("listSubnets", "subnets().findByName", t -> t.subnets().findByName("other")),
                call("listFlavors", "flavors().get", t -> t.flavors().get(FlavorId.of("f-1"))),
                call("listFlavors", "flavors().list", t -> t.flavors().list()),
                call("listFlavors", "flavors().findByName", t -> t.flavors().findByName("t2.c1m1")),
                call("listAvailabilityZones", "availabilityZones().list", t -> t.availabilityZones().list()),
                call("createFloatingIp", "floatingIps().create", t -> t.floatingIps().create("pool-1")),
                call("listFloatingIps", "floatingIps().get(id)", t -> t.floatingIps().get(FloatingIpId.of("fip-1"))),
                call("listFloatingIps", "floatingIps().get(address)", t -> t.floatingIps().get(IP)),
                call("listFloatingIps", "floatingIps().list", t -> t.floatingIps().list()),
                call("listFloatingIpPools", "floatingIps().pools", t -> t.floatingIps().pools()),
                call("deleteFloatingIp", "floatingIps().delete", t -> t.floatingIps().delete(FloatingIpId.of("fip-1"))));
    }

    @ParameterizedTest(name = "{0} calls {1}")
    @MethodSource("calls")
    void eachMethodCallsItsOperationOnce(String label, String operation, Consumer<ToastComputeClient> call) {
        call.accept(toast);
        List<LoggedRequest> made = stub.calls();
        assertEquals(List.of(operation), made.stream().map(FacadeStub::operationOf).toList(),
                () -> label + " made " + made.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    }
}
