package com.example.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.emulator.EmulatorServer;
import io.toastcloud.compute.emulator.control.FaultRule;
import io.toastcloud.compute.emulator.junit.Appkey;
import io.toastcloud.compute.emulator.junit.Endpoint;
import io.toastcloud.compute.emulator.junit.ToastEmulator;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.InstanceStatus;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.SecurityGroupName;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/EMULATOR.md shows this class: keep the two the same. */
@ToastEmulator(manualClock = true, floatingIps = 2, users = "ci@example.com:ci-secret")
class ProvisioningTest {
    private static final String CENTOS = "5e2c3f1a-9b8d-4c7e-a6f5-4d3c2b1a0f9e";
    private static final String T2_C1M1 = "b1f4c7d2-6e3a-4f8b-9c5d-1a2b3c4d5e6f";
    private static final String NETWORK = "d1c2b3a4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHFFlsd3A102hJUTX+aPew3FD4tO7FNIMMkmU8Rdaz/n me@laptop";

    @Test
    void anInstanceBecomesActive(ToastComputeClient toast, EmulatorServer emulator, @Appkey String appkey) {
        toast.keypairs().importPublicKey("deploy", PUBLIC_KEY);
        InstanceId id = InstanceId.of(toast.instances().create(new InstanceCreateSpec()
                .name("web-01").image(CENTOS).flavor(T2_C1M1)
                .networks(List.of(new NetworkReference().id(NETWORK))).availabilityZone("kr-pub-a")
                .keyName("deploy").volume(new InstanceRootVolumeSpec().size(20))
                .securityGroups(List.of(new SecurityGroupName().name("default")))));
        // On the manual clock the waiter's pauses move the emulator's time: no real waiting.
        assertEquals(InstanceStatus.ACTIVE, toast.instances().waitUntilActive(id).getStatus());
        assertEquals(1, emulator.state(appkey).orElseThrow().path("instances").size());
    }

    @Test
    void aGatewayOutageIsRetriedForReads(ToastComputeClient toast, EmulatorServer emulator) {
        emulator.faults().add(FaultRule.on("listFlavors").gatewayError(503, Duration.ofSeconds(1)).times(2));
        assertEquals(6, toast.flavors().list().size()); // two 503s, then the answer

        emulator.faults().add(FaultRule.on("listFlavors").gatewayError(502)); // for good
        assertThrows(ServiceUnavailableException.class, () -> toast.flavors().list());
    }

    @Test
    void anotherClientUsesTheEndpoint(@Endpoint(servicePath = true) String endpoint) {
        // e.g. a client of another language, configured like for https://api-compute.cloud.toast.com/compute
        assertEquals("/compute", java.net.URI.create(endpoint).getPath());
    }
}
