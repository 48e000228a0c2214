package io.toastcloud.compute.emulator;

import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.client.resource.FloatingIpAddress;
import io.toastcloud.compute.client.resource.FixedIpAddress;
import io.toastcloud.compute.api.SecurityGroupRuleApi;
import io.toastcloud.compute.api.SecurityGroupApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.api.BlockStorageApi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.error.ConflictException;
import io.toastcloud.compute.client.error.InvalidParametersException;
import io.toastcloud.compute.client.error.NoAvailableIpException;
import io.toastcloud.compute.client.error.ToastServiceException;
import io.toastcloud.compute.model.Direction;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.FloatingIpCreateRequest;
import io.toastcloud.compute.model.FloatingIpPoolReference;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.Protocol;
import io.toastcloud.compute.model.SecurityGroupName;
import io.toastcloud.compute.model.SecurityGroupRequest;
import io.toastcloud.compute.model.SecurityGroupRuleCreateRequest;
import io.toastcloud.compute.model.SecurityGroupRuleSpec;
import io.toastcloud.compute.model.SecurityGroupSpec;
import io.toastcloud.compute.model.VolumeAttachRequest;
import io.toastcloud.compute.model.VolumeAttachSpec;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 32 clients at once, in real time with short delays. The state must stay consistent
 * (EmulatorServer#consistencyProblems, checked after each test with every answer validated
 * against the contract), and a contended resource must go to exactly one of them.
 */
class ConcurrencyTest {
    private static final int CLIENTS = 32;
    private static final int FLOATING_IPS = 4;
    @RegisterExtension
    static final EmulatorHarness emulator = EmulatorHarness.inRealTime(Delays.uniform(Duration.ofMillis(10)),
                b -> b.floatingIpsPerAppkey(FLOATING_IPS).threads(CLIENTS));

    @Test
    void thirtyTwoClientsOnFourAppkeysCreateActOnAndDeleteAndLeaveNothingInconsistent() throws Exception {
        List<String> appkeys = List.of(EmulatorHarness.freshAppkey(), EmulatorHarness.freshAppkey(),
                EmulatorHarness.freshAppkey(), EmulatorHarness.freshAppkey());
        AtomicInteger gotIp = new AtomicInteger();
        AtomicInteger noIp = new AtomicInteger();
        List<Integer> done = runTogether(n -> {
            try (ToastComputeClient c = emulator.client(appkeys.get(n % appkeys.size()))) {
                lifecycle(c, n, gotIp, noIp);
            }
            return n;
        });
        assertEquals(CLIENTS, done.size());
        assertEquals(CLIENTS, gotIp.get() + noIp.get());
        assertTrue(gotIp.get() >= FLOATING_IPS, "at least each appkey's pool was used once");
        for (String appkey : appkeys) {
            try (ToastComputeClient c = emulator.client(appkey)) {
                assertEquals(List.of(), c.api(InstanceApi.class).listInstances().getInstances());
                assertEquals(List.of(), c.api(BlockStorageApi.class).listVolumes().getVolumes());
                assertEquals(List.of(), c.api(KeypairApi.class).listKeypairs().getKeypairs());
                assertEquals(List.of(), c.api(FloatingIpApi.class).listFloatingIps().getFloatingIps());
                assertEquals(List.of("default"), c.api(SecurityGroupApi.class).listSecurityGroups().getSecurityGroups()
                        .stream().map(g -> g.getName()).toList());
            }
        }
    }

    private static void lifecycle(ToastComputeClient c, int n, AtomicInteger gotIp, AtomicInteger noIp) {
        String key = "k-" + n;
        c.api(KeypairApi.class).createKeypair(new KeypairCreateRequest().keypair(n % 8 == 0 ? new KeypairCreateSpec().name(key)
                : new KeypairCreateSpec().name(key).publicKey(SshKeysTest.ED25519)));
        String group = c.api(SecurityGroupApi.class).createSecurityGroup(new SecurityGroupRequest()
                .securityGroup(new SecurityGroupSpec().name("sg-" + n))).getSecurityGroup().getId();
        String rule = c.api(SecurityGroupRuleApi.class).createSecurityGroupRule(new SecurityGroupRuleCreateRequest()
                .securityGroupRule(new SecurityGroupRuleSpec().securityGroupId(group).direction(Direction.INGRESS)
                        .protocol(Protocol.TCP).portRangeMin(22).portRangeMax(22))).getSecurityGroupRule().getId();
        String id = c.api(InstanceApi.class).createInstance(new InstanceCreateRequest().instance(new InstanceCreateSpec()
                .name("w-" + n).image(ValidationTest.LINUX_IMAGE).flavor(ValidationTest.T2_FLAVOR)
                .networks(List.of(new NetworkReference().id(ValidationTest.NETWORK))).availabilityZone("kr-pub-a")
                .keyName(key).volume(new InstanceRootVolumeSpec().size(20))
                .securityGroups(List.of(new SecurityGroupName().name("default"), new SecurityGroupName().name("sg-" + n)))))
                .getInstance().getId();
        c.instanceWaiter().untilActive(id);
        String volume = c.api(BlockStorageApi.class).createVolume(new VolumeCreateRequest().volume(new VolumeCreateSpec().name("v-" + n)
                .size(10).availabilityZone("kr-pub-a").volumeType(""))).getVolume().getId();
        c.volumeWaiter().untilAvailable(volume);
        c.api(InstanceApi.class).attachVolume(id, new VolumeAttachRequest().attachment(new VolumeAttachSpec().volumeId(volume)));
        c.volumeWaiter().untilInUse(volume);
        c.api(InstanceApi.class).listInstanceDetails();
        c.instances().stop(InstanceId.of(id));
        c.instanceWaiter().untilStopped(id);
        try {
            FloatingIp ip = c.api(FloatingIpApi.class).createFloatingIp(new FloatingIpCreateRequest()
                    .pool(new FloatingIpPoolReference().id(ValidationTest.POOL))).getFloatingIp();
            gotIp.incrementAndGet();
            String fixed = c.api(InstanceApi.class).listInstanceDetails(id).getInstances().get(0).getAddresses().get(0).getIpAddress();
            c.instances().addFloatingIp(InstanceId.of(id), FloatingIpAddress.of(ip.getFloatingIpAddress()), FixedIpAddress.of(fixed));
            c.instances().removeFloatingIp(InstanceId.of(id), FloatingIpAddress.of(ip.getFloatingIpAddress()));
            c.api(FloatingIpApi.class).deleteFloatingIp(ip.getId());
        } catch (NoAvailableIpException exhausted) {
            noIp.incrementAndGet();
        }
        c.api(InstanceApi.class).detachVolume(id, volume);
        c.volumeWaiter().untilAvailable(volume);
        c.api(BlockStorageApi.class).deleteVolume(volume);
        c.volumeWaiter().untilGone(volume);
        c.api(InstanceApi.class).deleteInstance(id);
        c.instanceWaiter().untilGone(id);
        c.api(SecurityGroupRuleApi.class).deleteSecurityGroupRule(rule);
        c.api(SecurityGroupApi.class).deleteSecurityGroup(group);
        c.api(KeypairApi.class).deleteKeypair(key);
    }

    @Test
    void aPoolOfFourAddressesGoesToExactlyFourOfThirtyTwoClients() throws Exception {
        String appkey = EmulatorHarness.freshAppkey();
        List<String> outcomes = runTogether(n -> {
            try (ToastComputeClient c = emulator.client(appkey)) {
                return c.api(FloatingIpApi.class).createFloatingIp(new FloatingIpCreateRequest()
                        .pool(new FloatingIpPoolReference().id(ValidationTest.POOL))).getFloatingIp().getFloatingIpAddress();
            } catch (NoAvailableIpException e) {
                return "20001";
            }
        });
        assertEquals(CLIENTS - FLOATING_IPS, outcomes.stream().filter("20001"::equals).count());
        Set<String> addresses = new HashSet<>(outcomes);
        addresses.remove("20001");
        assertEquals(FLOATING_IPS, addresses.size(), "four different addresses");
    }

    @Test
    void aNameWantedByThirtyTwoClientsGoesToOne() throws Exception {
        String appkey = EmulatorHarness.freshAppkey();
        List<String> keypairs = runTogether(n -> outcome(() -> {
            try (ToastComputeClient c = emulator.client(appkey)) {
                c.api(KeypairApi.class).createKeypair(new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("shared")
                        .publicKey(SshKeysTest.ED25519)));
            }
        }));
        assertEquals(1, keypairs.stream().filter("ok"::equals).count(), keypairs.toString());
        assertEquals(CLIENTS - 1, keypairs.stream().filter("13409"::equals).count(), keypairs.toString());
        List<String> groups = runTogether(n -> outcome(() -> {
            try (ToastComputeClient c = emulator.client(appkey)) {
                c.api(SecurityGroupApi.class).createSecurityGroup(new SecurityGroupRequest().securityGroup(new SecurityGroupSpec().name("web")));
            }
        }));
        assertEquals(1, groups.stream().filter("ok"::equals).count(), groups.toString());
    }

    @Test
    void oneVolumeWantedByThirtyTwoInstancesIsAttachedToOne() throws Exception {
        String appkey = EmulatorHarness.freshAppkey();
        List<String> instances = new ArrayList<>();
        String volume;
        try (ToastComputeClient c = emulator.client(appkey)) {
            c.api(KeypairApi.class).createKeypair(new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("k")
                    .publicKey(SshKeysTest.ED25519)));
            c.api(InstanceApi.class).createInstance(new InstanceCreateRequest().instance(new InstanceCreateSpec().name("many")
                    .image(ValidationTest.LINUX_IMAGE).flavor(ValidationTest.T2_FLAVOR)
                    .networks(List.of(new NetworkReference().id(ValidationTest.NETWORK))).availabilityZone("kr-pub-a")
                    .keyName("k").volume(new InstanceRootVolumeSpec().size(20)).count(10)
                    .securityGroups(List.of(new SecurityGroupName().name("default")))));
            c.api(InstanceApi.class).listInstances().getInstances().forEach(i -> instances.add(i.getId()));
            for (String id : instances) {
                c.instanceWaiter().untilActive(id);
            }
            volume = c.api(BlockStorageApi.class).createVolume(new VolumeCreateRequest().volume(new VolumeCreateSpec().name("shared")
                    .size(10).availabilityZone("kr-pub-a").volumeType(""))).getVolume().getId();
            c.volumeWaiter().untilAvailable(volume);
        }
        List<String> outcomes = runTogether(n -> outcome(() -> {
            try (ToastComputeClient c = emulator.client(appkey)) {
                c.api(InstanceApi.class).attachVolume(instances.get(n % instances.size()), new VolumeAttachRequest()
                        .attachment(new VolumeAttachSpec().volumeId(volume)));
            }
        }));
        assertEquals(1, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
        assertEquals(CLIENTS - 1, outcomes.stream().filter("40400"::equals).count(), outcomes.toString());
        List<String> stops = runTogether(n -> outcome(() -> {
            try (ToastComputeClient c = emulator.client(appkey)) {
                c.instances().stop(InstanceId.of(instances.get(0)));
            }
        }));
        assertEquals(1, stops.stream().filter("ok"::equals).count(), stops.toString());
    }

    /** "ok", or the result code of the service's refusal. */
    private static String outcome(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (ConflictException | InvalidParametersException e) {
            return String.valueOf(e.resultCode());
        } catch (ToastServiceException e) {
            return String.valueOf(e.resultCode());
        }
    }

    /** Runs one task per client, all released at the same moment; returns their results. */
    private static <T> List<T> runTogether(IndexedTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int n = 0; n < CLIENTS; n++) {
                int index = n;
                Callable<T> c = () -> {
                    go.await();
                    return task.run(index);
                };
                futures.add(pool.submit(c));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IndexedTask<T> {
        T run(int index) throws Exception;
    }
}
