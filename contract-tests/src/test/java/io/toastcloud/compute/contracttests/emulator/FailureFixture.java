package io.toastcloud.compute.contracttests.emulator;

import io.toastcloud.compute.api.SecurityGroupApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.testsupport.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.contracttests.support.ContractDocument;
import io.toastcloud.compute.contracttests.support.OpenSshKeys;
import io.toastcloud.compute.contracttests.support.RequestTampering;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.FloatingIpCreateRequest;
import io.toastcloud.compute.model.FloatingIpPoolReference;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceStatus;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.SecurityGroupRequest;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One failure case's world: a fresh appkey on the shared failure-suite emulator (whose clock
 * moves only when {@link #settle()} says), a client of its own, and the resources a case needs
 * before it can provoke its failure. Requests are the contract's request examples.
 */
public final class FailureFixture implements AutoCloseable {
    /** Settles every pending transition: longer than the emulator's slowest default delay (2 s). */
    private static final Duration SETTLE = Duration.ofMinutes(1);
    private static final AtomicInteger APPKEYS = new AtomicInteger();
    private static final ContractDocument CONTRACT = ContractDocument.bundled();

    private final EmulatorTarget emulator;
    private final ManualClock clock;
    private final String appkey;
    private final ToastComputeClient toast;

    public FailureFixture(EmulatorTarget emulator, ManualClock clock) {
        this.emulator = emulator;
        this.clock = clock;
        this.appkey = "contract-failure-" + APPKEYS.incrementAndGet();
        this.toast = emulator.client(appkey).requestInterceptor(new RequestTampering()).build();
    }

    public ToastComputeClient toast() {
        return toast;
    }

    public String appkey() {
        return appkey;
    }

    public ManualClock clock() {
        return clock;
    }

    /** Every status transition due within a minute happens (BUILD to ACTIVE, creating to available, ...). */
    public void settle() {
        clock.advance(SETTLE);
    }

    /** A request example of the contract, decoded into the generated model. */
    public static JsonNode example(String operationId, String name) {
        JsonNode example = CONTRACT.operation(operationId).requestExamples().get(name);
        if (example == null) {
            throw new IllegalArgumentException(operationId + " has no request example " + name);
        }
        return example;
    }

    public static <T> T decode(JsonNode json, Class<T> type) {
        try {
            return ToastComputeClient.objectMapper().treeToValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Uploads a key pair of this name (uploading is quick; generating an RSA pair is not). */
    public void keypair(String name) {
        toast.api(KeypairApi.class).createKeypair(new KeypairCreateRequest().keypair(new KeypairCreateSpec().name(name)
                .publicKey(OpenSshKeys.newEd25519PublicKey("contract-tests"))));
    }

    /** An ACTIVE instance made from createInstance's {@code linuxWithRootVolume} example (with its key pair). */
    public String activeInstance() {
        InstanceCreateRequest request = decode(example("createInstance", "linuxWithRootVolume"), InstanceCreateRequest.class);
        keypair(request.getInstance().getKeyName());
        String id = toast.api(InstanceApi.class).createInstance(request).getInstance().getId();
        settle();
        InstanceStatus status = toast.api(InstanceApi.class).listInstances(id).getInstances().get(0).getStatus();
        if (status != InstanceStatus.ACTIVE) {
            throw new AssertionError("the instance did not become ACTIVE once settled: " + status);
        }
        return id;
    }

    /** The first fixed IP address of an instance. */
    public String fixedIp(String instanceId) {
        return toast.api(InstanceApi.class).listInstanceDetails(instanceId).getInstances().get(0).getAddresses().get(0).getIpAddress();
    }

    /** A volume from createVolume's example, still {@code creating} (the clock has not moved). */
    public String creatingVolume() {
        String id = toast.api(BlockStorageApi.class).createVolume(decode(example("createVolume", "dataDisk"), VolumeCreateRequest.class))
                .getVolume().getId();
        VolumeStatus status = toast.api(BlockStorageApi.class).listVolumes(id).getVolumes().get(0).getStatus();
        if (status != VolumeStatus.CREATING) {
            throw new AssertionError("a new volume must be creating until the clock moves: " + status);
        }
        return id;
    }

    public String availableVolume() {
        String id = creatingVolume();
        settle();
        return id;
    }

    /** A floating IP from createFloatingIp's example. */
    public FloatingIp floatingIp() {
        return toast.api(FloatingIpApi.class).createFloatingIp(decode(example("createFloatingIp", "fromPublicPool"),
                FloatingIpCreateRequest.class)).getFloatingIp();
    }

    public FloatingIpCreateRequest floatingIpFrom(String poolId) {
        return new FloatingIpCreateRequest().pool(new FloatingIpPoolReference().id(poolId));
    }

    /** A security group from createSecurityGroup's example; returns its id. */
    public String securityGroup() {
        return toast.api(SecurityGroupApi.class).createSecurityGroup(decode(example("createSecurityGroup", "web"),
                SecurityGroupRequest.class)).getSecurityGroup().getId();
    }

    /** The id of a token issued for another appkey (by another client of the same user). */
    public String tokenOfAnotherAppkey() {
        try (ToastComputeClient other = emulator.client(appkey + "-other").build()) {
            return other.tokenManager().tokenId();
        }
    }

    @Override
    public void close() {
        toast.close();
    }
}
