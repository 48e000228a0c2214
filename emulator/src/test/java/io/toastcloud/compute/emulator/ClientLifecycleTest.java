package io.toastcloud.compute.emulator;

import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.client.resource.FloatingIpAddress;
import io.toastcloud.compute.client.resource.FlavorId;
import io.toastcloud.compute.client.resource.FixedIpAddress;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.api.BlockStorageApi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.error.ConflictException;
import io.toastcloud.compute.client.error.InvalidParametersException;
import io.toastcloud.compute.client.error.NoAvailableIpException;
import io.toastcloud.compute.client.error.ResourceFailedException;
import io.toastcloud.compute.client.error.ResourceNotFoundException;
import io.toastcloud.compute.model.CreatedImage;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.FloatingIpCreateRequest;
import io.toastcloud.compute.model.FloatingIpPoolReference;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.InstanceStatus;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.RebootType;
import io.toastcloud.compute.model.SecurityGroupName;
import io.toastcloud.compute.model.Volume;
import io.toastcloud.compute.model.VolumeAttachRequest;
import io.toastcloud.compute.model.VolumeAttachSpec;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import io.toastcloud.compute.model.VolumeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Java client, its waiters and typed exceptions against the emulator. The client's sleeps
 * move the emulator's clock, so the waiters see every status without real waiting.
 */
class ClientLifecycleTest {
    @RegisterExtension
    static final EmulatorHarness emulator = EmulatorHarness.onManualClock(b -> b.floatingIpsPerAppkey(1));

    @Test
    void aWholeLifecycleWithTheWaiters() {
        try (ToastComputeClient c = emulator.client(EmulatorHarness.freshAppkey())) {
            c.api(KeypairApi.class).createKeypair(new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("k").publicKey(SshKeysTest.ED25519)));
            String id = create(c, "web-01");
            assertEquals(InstanceStatus.ACTIVE, c.instanceWaiter().untilActive(id).getStatus());

            Volume volume = c.api(BlockStorageApi.class).createVolume(new VolumeCreateRequest().volume(new VolumeCreateSpec()
                    .name("data").size(10).availabilityZone("kr-pub-a").volumeType(""))).getVolume();
            c.volumeWaiter().untilAvailable(volume.getId());
            c.api(InstanceApi.class).attachVolume(id, new VolumeAttachRequest().attachment(new VolumeAttachSpec().volumeId(volume.getId())));
            assertEquals(id, c.volumeWaiter().untilInUse(volume.getId()).getAttachments().get(0).getInstanceId());

            FloatingIp ip = c.api(FloatingIpApi.class).createFloatingIp(new FloatingIpCreateRequest()
                    .pool(new FloatingIpPoolReference().id(ValidationTest.POOL))).getFloatingIp();
            InstanceDetail detail = c.api(InstanceApi.class).listInstanceDetails(id).getInstances().get(0);
            c.instances().addFloatingIp(InstanceId.of(id), FloatingIpAddress.of(ip.getFloatingIpAddress()), FixedIpAddress.of(detail.getAddresses().get(0).getIpAddress()));
            assertEquals(ip.getFloatingIpAddress(), c.api(InstanceApi.class).listInstanceDetails(id).getInstances().get(0)
                    .getAddresses().get(0).getFloatingIpAddress());
            assertThrows(NoAvailableIpException.class, () -> c.api(FloatingIpApi.class).createFloatingIp(
                    new FloatingIpCreateRequest().pool(new FloatingIpPoolReference().id(ValidationTest.POOL))));
            c.instances().removeFloatingIp(InstanceId.of(id), FloatingIpAddress.of(ip.getFloatingIpAddress()));
            c.api(FloatingIpApi.class).deleteFloatingIp(ip.getId());

            c.instances().reboot(InstanceId.of(id), RebootType.SOFT);
            c.instanceWaiter().untilActive(id);
            c.instances().stop(InstanceId.of(id));
            c.instanceWaiter().untilStopped(id);
            CreatedImage image = c.instances().uploadImage(InstanceId.of(id), "web-01-golden");
            assertEquals(20, c.imageWaiter().untilActive(image.getId()).getMinDisk());
            c.instances().resize(InstanceId.of(id), FlavorId.of(ValidationTest.U2_FLAVOR));
            c.instanceWaiter().untilStopped(id);
            c.instances().start(InstanceId.of(id));
            c.instanceWaiter().untilActive(id);
            assertEquals("u2.c2m4", c.api(InstanceApi.class).listInstanceDetails(id).getInstances().get(0).getFlavor().getName());

            c.api(InstanceApi.class).detachVolume(id, volume.getId());
            c.volumeWaiter().untilAvailable(volume.getId());
            c.api(BlockStorageApi.class).deleteVolume(volume.getId());
            c.volumeWaiter().untilGone(volume.getId());
            c.api(InstanceApi.class).deleteInstance(id);
            c.instanceWaiter().untilGone(id);
            assertEquals(List.of(), c.api(InstanceApi.class).listInstances().getInstances());
        }
    }

    @Test
    void failuresAreTheClientsTypedExceptions() {
        try (ToastComputeClient c = emulator.client(EmulatorHarness.freshAppkey())) {
            c.api(KeypairApi.class).createKeypair(new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("k").publicKey(SshKeysTest.ED25519)));
            String id = create(c, "web-01");
            ConflictException early = assertThrows(ConflictException.class, () -> c.instances().stop(InstanceId.of(id)));
            assertEquals(10409, early.resultCode());
            c.instanceWaiter().untilActive(id);
            assertThrows(ConflictException.class, () -> c.instances().start(InstanceId.of(id)));
            assertThrows(ResourceNotFoundException.class, () -> c.instances().start(InstanceId.of("no-such-instance")));
            InvalidParametersException windows = assertThrows(InvalidParametersException.class, () -> c.api(InstanceApi.class)
                    .createInstance(request("windows-server", ValidationTest.WINDOWS_IMAGE, 50)));
            assertTrue(windows.getMessage().contains("instance.name.windowsMaxLength"), windows.getMessage());
        }
    }

    @Test
    void aWaiterFailsFastWhenTheInstanceEndsInError() {
        try (ToastComputeClient c = emulator.client(EmulatorHarness.freshAppkey())) {
            c.api(KeypairApi.class).createKeypair(new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("k").publicKey(SshKeysTest.ED25519)));
            String id = create(c, "fail-web");
            ResourceFailedException failed = assertThrows(ResourceFailedException.class, () -> c.instanceWaiter().untilActive(id));
            assertTrue(failed.getMessage().contains("ERROR"), failed.getMessage());
            Volume broken = c.api(BlockStorageApi.class).createVolume(new VolumeCreateRequest().volume(new VolumeCreateSpec()
                    .name("fail-data").size(10).availabilityZone("kr-pub-a").volumeType(""))).getVolume();
            assertThrows(ResourceFailedException.class, () -> c.volumeWaiter().untilStatus(broken.getId(), VolumeStatus.AVAILABLE));
        }
    }

    private static String create(ToastComputeClient c, String name) {
        return c.api(InstanceApi.class).createInstance(request(name, ValidationTest.LINUX_IMAGE, 20)).getInstance().getId();
    }

    private static InstanceCreateRequest request(String name, String image, int rootSize) {
        return new InstanceCreateRequest().instance(new InstanceCreateSpec().name(name).image(image)
                .flavor(ValidationTest.T2_FLAVOR).networks(List.of(new NetworkReference().id(ValidationTest.NETWORK)))
                .availabilityZone("kr-pub-a").keyName("k").volume(new InstanceRootVolumeSpec().size(rootSize))
                .securityGroups(List.of(new SecurityGroupName().name("default"))));
    }
}
