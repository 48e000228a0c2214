package io.toastcloud.compute.contracttests;

import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.api.SubnetApi;
import io.toastcloud.compute.api.SecurityGroupRuleApi;
import io.toastcloud.compute.api.SecurityGroupApi;
import io.toastcloud.compute.api.NetworkApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.InstanceActionApi;
import io.toastcloud.compute.api.ImageApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.AvailabilityZoneApi;
import static io.toastcloud.compute.contracttests.OperationCalls.decode;
import static io.toastcloud.compute.contracttests.support.RequestExamples.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.contracttests.support.ContractDocument;
import io.toastcloud.compute.contracttests.support.OpenSshKeys;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.FloatingIpCreateRequest;
import io.toastcloud.compute.model.FloatingIpStatus;
import io.toastcloud.compute.model.ImageStatus;
import io.toastcloud.compute.model.InstanceActionRequest;
import io.toastcloud.compute.model.InstanceActionResponse;
import io.toastcloud.compute.model.InstanceAddress;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateResponse;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceStatus;
import io.toastcloud.compute.model.InstanceSummary;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.SecurityGroupName;
import io.toastcloud.compute.model.SecurityGroupRequest;
import io.toastcloud.compute.model.SecurityGroupRule;
import io.toastcloud.compute.model.SecurityGroupRuleCreateRequest;
import io.toastcloud.compute.model.TokenIssueRequest;
import io.toastcloud.compute.model.Volume;
import io.toastcloud.compute.model.VolumeAttachRequest;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeStatus;
import java.util.List;

/**
 * The emulator suite's script: every operation of the contract, and every request example (the
 * nine instance actions among them), called through the client in an order a user would follow
 * against a stateful service: look around, create what later calls need, wait with the client's
 * waiters, act on the instance in states that allow each action, then delete everything. Each
 * step sends the contract's request example, with the ids of resources made earlier where the
 * example names its own. Run by {@link EmulatorOperationContractTest}; a contract operation or
 * request example without a step fails {@link ContractCoverageTest}.
 */
final class EmulatorLifecycle {
    private static final ContractDocument CONTRACT = ContractDocument.bundled();

    /** What earlier steps made, for later ones. */
    static final class World {
        String tokenId;
        String groupId;
        String httpsRuleId;
        String instanceId;
        String fixedDiskInstanceId;
        String fixedIp;
        String volumeId;
        String floatingIpId;
        String floatingAddress;
        String subnetInstanceId;
        String imageId;
    }

    /** Makes the step's one call of its operation; returns the decoded response. */
    @FunctionalInterface
    interface Call<R> {
        R call(ToastComputeClient toast, World world, JsonNode example);
    }

    /** What the step checks in the response and the state afterwards, and what it waits for. */
    @FunctionalInterface
    interface Then<R> {
        void check(ToastComputeClient toast, World world, R response);
    }

    /**
     * One call of {@code operationId} with the request example {@code requestExample} (null when
     * the operation has no body); {@code label} tells steps of one operation apart.
     */
    record Step(String operationId, String requestExample, String label, Call<?> call, Then<?> then) {
        String name() {
            return operationId + (requestExample == null ? "" : " [" + requestExample + "]") + (label == null ? "" : " (" + label + ")");
        }

        JsonNode example() {
            if (requestExample == null) {
                return null;
            }
            JsonNode example = CONTRACT.operation(operationId).requestExamples().get(requestExample);
            if (example == null) {
                throw new AssertionError(operationId + " has no request example " + requestExample);
            }
            return example;
        }

        Object invoke(ToastComputeClient toast, World world) {
            return call.call(toast, world, example());
        }

        @SuppressWarnings("unchecked")
        void check(ToastComputeClient toast, World world, Object response) {
            ((Then<Object>) then).check(toast, world, response);
        }
    }

    private static <R> Step step(String operationId, String requestExample, Call<R> call, Then<R> then) {
        return new Step(operationId, requestExample, null, call, then);
    }

    private static <R> Step step(String operationId, String requestExample, String label, Call<R> call, Then<R> then) {
        return new Step(operationId, requestExample, label, call, then);
    }

    /** The ids the contract's examples use for the seed catalog (the emulator's catalog has the same). */
    private static final String NETWORK = CONTRACT.operation("createInstance").requestExamples().get("linuxWithRootVolume")
            .at("/instance/networks/0/id").asText();
    private static final String IMAGE = CONTRACT.operation("createInstance").requestExamples().get("linuxWithRootVolume")
            .at("/instance/image").asText();
    private static final String ROOT_VOLUME_FLAVOR = CONTRACT.operation("createInstance").requestExamples()
            .get("linuxWithRootVolume").at("/instance/flavor").asText();
    private static final String FIXED_DISK_FLAVOR = CONTRACT.operation("createInstance").requestExamples().get("fixedDiskFlavor")
            .at("/instance/flavor").asText();
    private static final String POOL = CONTRACT.operation("createFloatingIp").requestExamples().get("fromPublicPool")
            .at("/pool/id").asText();
    private static final String KEY_NAME = CONTRACT.operation("createKeypair").requestExamples().get("generate")
            .at("/keypair/name").asText();
    private static final String UPLOADED_KEY_NAME = CONTRACT.operation("createKeypair").requestExamples().get("upload")
            .at("/keypair/name").asText();
    private static final String GROUP_NAME = CONTRACT.operation("createSecurityGroup").requestExamples().get("web")
            .at("/securityGroup/name").asText();

    static final List<Step> STEPS = List.of(
            // --- Token and the read-only catalog
            step("issueToken", "credentials",
                    (t, w, ex) -> t.api(TokenApi.class).issueToken(decode(ex, TokenIssueRequest.class)),
                    (t, w, r) -> {
                        w.tokenId = r.getAccess().getToken().getId();
                        assertFalse(w.tokenId.isBlank(), "a token id");
                        assertNotNull(r.getAccess().getToken().getExpires(), "expires");
                    }),
            step("getToken", null,
                    (t, w, ex) -> t.api(TokenApi.class).getToken(w.tokenId),
                    (t, w, r) -> assertEquals(w.tokenId, r.getAccess().getToken().getId(), "the token looked up")),
            step("listAvailabilityZones", null,
                    (t, w, ex) -> t.api(AvailabilityZoneApi.class).listAvailabilityZones(),
                    (t, w, r) -> assertTrue(r.getZones().stream().map(z -> z.getZoneName()).toList()
                            .containsAll(List.of("kr-pub-a", "kr-pub-b")), "the zones the request examples use")),
            step("listFlavors", null,
                    (t, w, ex) -> t.api(FlavorApi.class).listFlavors(),
                    (t, w, r) -> assertTrue(r.getFlavors().stream().map(f -> f.getId()).toList()
                            .containsAll(List.of(ROOT_VOLUME_FLAVOR, FIXED_DISK_FLAVOR)), "the flavors the request examples use")),
            step("listImages", null,
                    (t, w, ex) -> t.api(ImageApi.class).listImages(),
                    (t, w, r) -> assertTrue(r.getImages().stream().anyMatch(i -> IMAGE.equals(i.getId())
                            && i.getStatus() == ImageStatus.ACTIVE), "the image the request examples use, active")),
            step("listNetworks", null,
                    (t, w, ex) -> t.api(NetworkApi.class).listNetworks(NETWORK),
                    (t, w, r) -> assertEquals(List.of(NETWORK), r.getNetworks().stream().map(n -> n.getId()).toList())),
            step("listSubnets", null,
                    (t, w, ex) -> t.api(SubnetApi.class).listSubnets(),
                    (t, w, r) -> assertTrue(r.getSubnets().stream().anyMatch(s -> NETWORK.equals(s.getNetworkId())),
                            "a subnet of the network")),
            step("listFloatingIpPools", null,
                    (t, w, ex) -> t.api(FloatingIpApi.class).listFloatingIpPools(),
                    (t, w, r) -> assertTrue(r.getPools().stream().anyMatch(p -> POOL.equals(p.getId())),
                            "the pool createFloatingIp's example uses")),

            // --- Key pairs and a security group with rules
            step("createKeypair", "generate",
                    (t, w, ex) -> t.api(KeypairApi.class).createKeypair(decode(ex, KeypairCreateRequest.class)),
                    (t, w, r) -> {
                        assertEquals(KEY_NAME, r.getKeypair().getName());
                        assertTrue(r.getKeypair().getPrivateKey() != null && !r.getKeypair().getPrivateKey().isBlank(),
                                "a generated key pair comes with its private key");
                        assertTrue(r.getKeypair().getPublicKey().startsWith("ssh-"), "an OpenSSH public key");
                    }),
            // The example's publicKey is not a whole key (its base64 is cut short), which a real
            // service refuses; a freshly made one of the same type stands in for it.
            step("createKeypair", "upload",
                    (t, w, ex) -> t.api(KeypairApi.class).createKeypair(decode(with(ex, "/keypair/publicKey",
                            OpenSshKeys.newEd25519PublicKey("user@laptop")), KeypairCreateRequest.class)),
                    (t, w, r) -> {
                        assertEquals(UPLOADED_KEY_NAME, r.getKeypair().getName());
                        assertNull(r.getKeypair().getPrivateKey(), "an uploaded key pair has no private key to return");
                        assertNotNull(r.getKeypair().getFingerprint(), "fingerprint");
                    }),
            step("listKeypairs", null,
                    (t, w, ex) -> t.api(KeypairApi.class).listKeypairs(KEY_NAME),
                    (t, w, r) -> {
                        assertEquals(List.of(KEY_NAME), r.getKeypairs().stream().map(k -> k.getName()).toList());
                        assertNotNull(r.getKeypairs().get(0).getCreatedAt(), "createdAt is shown for one key pair by name");
                    }),
            step("createSecurityGroup", "web",
                    (t, w, ex) -> t.api(SecurityGroupApi.class).createSecurityGroup(decode(ex, SecurityGroupRequest.class)),
                    (t, w, r) -> {
                        w.groupId = r.getSecurityGroup().getId();
                        assertEquals(GROUP_NAME, r.getSecurityGroup().getName());
                    }),
            step("listSecurityGroups", null,
                    (t, w, ex) -> t.api(SecurityGroupApi.class).listSecurityGroups(w.groupId),
                    (t, w, r) -> assertEquals(List.of(GROUP_NAME), r.getSecurityGroups().stream().map(g -> g.getName()).toList())),
            step("createSecurityGroupRule", "httpsFromAnywhere",
                    (t, w, ex) -> t.api(SecurityGroupRuleApi.class).createSecurityGroupRule(
                            decode(with(ex, "/securityGroupRule/securityGroupId", w.groupId), SecurityGroupRuleCreateRequest.class)),
                    (t, w, r) -> {
                        w.httpsRuleId = r.getSecurityGroupRule().getId();
                        assertEquals(w.groupId, r.getSecurityGroupRule().getSecurityGroupId());
                        assertEquals(443, r.getSecurityGroupRule().getPortRangeMin());
                    }),
            step("createSecurityGroupRule", "sshFromGroup",
                    (t, w, ex) -> t.api(SecurityGroupRuleApi.class).createSecurityGroupRule(
                            decode(with(ex, "/securityGroupRule/securityGroupId", w.groupId), SecurityGroupRuleCreateRequest.class)),
                    (t, w, r) -> assertEquals(ex("createSecurityGroupRule", "sshFromGroup").at("/securityGroupRule/remoteGroupId")
                            .asText(), r.getSecurityGroupRule().getRemoteGroupId(), "the remote group (the default group)")),
            step("createSecurityGroupRule", "pingFromAnywhere",
                    (t, w, ex) -> t.api(SecurityGroupRuleApi.class).createSecurityGroupRule(
                            decode(with(ex, "/securityGroupRule/securityGroupId", w.groupId), SecurityGroupRuleCreateRequest.class)),
                    (t, w, r) -> {
                        assertEquals(8, r.getSecurityGroupRule().getPortRangeMin(), "ICMP type 8, echo request");
                        assertEquals(0, r.getSecurityGroupRule().getPortRangeMax(), "ICMP code 0, kept");
                    }),
            step("createSecurityGroupRule", "timeExceeded",
                    (t, w, ex) -> t.api(SecurityGroupRuleApi.class).createSecurityGroupRule(
                            decode(with(ex, "/securityGroupRule/securityGroupId", w.groupId), SecurityGroupRuleCreateRequest.class)),
                    (t, w, r) -> assertEquals(11, r.getSecurityGroupRule().getPortRangeMin(), "type 11 above code 1")),
            step("createSecurityGroupRule", "anyProtocolNull",
                    (t, w, ex) -> t.api(SecurityGroupRuleApi.class).createSecurityGroupRule(
                            decode(with(ex, "/securityGroupRule/securityGroupId", w.groupId), SecurityGroupRuleCreateRequest.class)),
                    (t, w, r) -> assertNull(r.getSecurityGroupRule().getProtocol(), "any protocol")),
            step("listSecurityGroupRules", null,
                    (t, w, ex) -> t.api(SecurityGroupRuleApi.class).listSecurityGroupRules(w.httpsRuleId),
                    (t, w, r) -> {
                        assertEquals(1, r.getSecurityGroupRules().size());
                        assertEquals("0.0.0.0/0", r.getSecurityGroupRules().get(0).getRemoteIpPrefix());
                    }),

            // --- Two instances (each request example), waited for with the client's waiter
            step("createInstance", "linuxWithRootVolume",
                    (t, w, ex) -> t.api(InstanceApi.class).createInstance(decode(ex, InstanceCreateRequest.class)),
                    (t, w, r) -> {
                        w.instanceId = built(t, r, "web-01");
                    }),
            step("createInstance", "fixedDiskFlavor",
                    (t, w, ex) -> t.api(InstanceApi.class).createInstance(decode(ex, InstanceCreateRequest.class)),
                    (t, w, r) -> {
                        w.fixedDiskInstanceId = built(t, r, "cache-01");
                    }),
            step("createInstance", "subnetAndSsdRoot",
                    (t, w, ex) -> t.api(InstanceApi.class).createInstance(decode(ex, InstanceCreateRequest.class)),
                    (t, w, r) -> {
                        w.subnetInstanceId = built(t, r, "web-02");
                        assertEquals(1, t.api(InstanceApi.class).listInstanceDetails(w.subnetInstanceId).getInstances().get(0)
                                .getAddresses().size(), "one interface, on the network of the subnet");
                    }),
            step("listInstances", null,
                    (t, w, ex) -> t.api(InstanceApi.class).listInstances(w.instanceId),
                    (t, w, r) -> {
                        assertEquals(1, r.getInstances().size());
                        assertEquals(InstanceStatus.ACTIVE, r.getInstances().get(0).getStatus());
                    }),
            step("listInstanceDetails", null,
                    (t, w, ex) -> t.api(InstanceApi.class).listInstanceDetails(w.instanceId),
                    (t, w, r) -> {
                        InstanceDetail detail = r.getInstances().get(0);
                        assertEquals(ROOT_VOLUME_FLAVOR, detail.getFlavor().getId());
                        assertEquals(50, detail.getVolumes().getRoot().getSize(), "the root volume of the request");
                        assertEquals(KEY_NAME, detail.getKeyName());
                        assertEquals(List.of("default"), groupNames(detail));
                        w.fixedIp = detail.getAddresses().get(0).getIpAddress();
                        assertNull(detail.getAddresses().get(0).getFloatingIpAddress());
                    }),

            // --- Block storage: create, attach, detach
            step("createVolume", "dataDisk",
                    (t, w, ex) -> t.api(BlockStorageApi.class).createVolume(decode(ex, VolumeCreateRequest.class)),
                    (t, w, r) -> {
                        w.volumeId = r.getVolume().getId();
                        assertEquals(VolumeStatus.CREATING, r.getVolume().getStatus());
                        t.volumeWaiter().untilAvailable(w.volumeId);
                    }),
            step("createVolume", "ssdDisk",
                    (t, w, ex) -> t.api(BlockStorageApi.class).createVolume(decode(ex, VolumeCreateRequest.class)),
                    (t, w, r) -> {
                        t.volumeWaiter().untilAvailable(r.getVolume().getId());
                        t.api(BlockStorageApi.class).deleteVolume(r.getVolume().getId());
                        t.volumeWaiter().untilGone(r.getVolume().getId());
                    }),
            step("createVolume", "defaultType",
                    (t, w, ex) -> t.api(BlockStorageApi.class).createVolume(decode(ex, VolumeCreateRequest.class)),
                    (t, w, r) -> {
                        assertEquals(10, r.getVolume().getSize(), "created without a volumeType");
                        t.volumeWaiter().untilAvailable(r.getVolume().getId());
                        t.api(BlockStorageApi.class).deleteVolume(r.getVolume().getId());
                        t.volumeWaiter().untilGone(r.getVolume().getId());
                    }),
            step("listVolumes", null,
                    (t, w, ex) -> t.api(BlockStorageApi.class).listVolumes(w.volumeId),
                    (t, w, r) -> {
                        Volume volume = r.getVolumes().get(0);
                        assertEquals(VolumeStatus.AVAILABLE, volume.getStatus());
                        assertEquals(100, volume.getSize());
                        assertEquals("data", volume.getMetadata().get("purpose"));
                    }),
            step("attachVolume", "attach",
                    (t, w, ex) -> t.api(InstanceApi.class).attachVolume(w.instanceId,
                            decode(with(ex, "/attachment/volumeId", w.volumeId), VolumeAttachRequest.class)),
                    (t, w, r) -> {
                        assertEquals(w.volumeId, r.getAttachment().getVolumeId());
                        assertEquals("/dev/vdb", r.getAttachment().getDevice(), "the first device after the root disk");
                        assertEquals(w.instanceId, t.volumeWaiter().untilInUse(w.volumeId).getAttachments().get(0).getInstanceId());
                    }),
            step("detachVolume", null,
                    (t, w, ex) -> t.api(InstanceApi.class).detachVolume(w.instanceId, w.volumeId),
                    (t, w, r) -> assertTrue(isEmpty(t.volumeWaiter().untilAvailable(w.volumeId).getAttachments()),
                            "no attachment left")),

            // --- A floating IP and the instance actions, each in a state that allows it
            step("createFloatingIp", "fromPublicPool",
                    (t, w, ex) -> t.api(FloatingIpApi.class).createFloatingIp(decode(ex, FloatingIpCreateRequest.class)),
                    (t, w, r) -> {
                        w.floatingIpId = r.getFloatingIp().getId();
                        w.floatingAddress = r.getFloatingIp().getFloatingIpAddress();
                        assertNull(r.getFloatingIp().getFixedIpAddress(), "not associated yet");
                    }),
            step("listFloatingIps", null,
                    (t, w, ex) -> t.api(FloatingIpApi.class).listFloatingIps(w.floatingIpId),
                    (t, w, r) -> {
                        FloatingIp ip = r.getFloatingIps().get(0);
                        assertEquals(w.floatingAddress, ip.getFloatingIpAddress());
                        assertEquals(FloatingIpStatus.DOWN, ip.getStatus(), "not associated");
                    }),
            action("addFloatingIp",
                    (ex, w) -> with(with(ex, "/parameters/address", w.floatingAddress), "/parameters/ipAddress", w.fixedIp),
                    (t, w) -> assertEquals(w.floatingAddress, address(t, w.instanceId).getFloatingIpAddress())),
            action("removeFloatingIp",
                    (ex, w) -> with(ex, "/parameters/address", w.floatingAddress),
                    (t, w) -> assertNull(address(t, w.instanceId).getFloatingIpAddress())),
            action("addSecurityGroup", (ex, w) -> ex,
                    (t, w) -> assertEquals(List.of("default", GROUP_NAME), groupNames(detail(t, w.instanceId)))),
            action("removeSecurityGroup", (ex, w) -> ex,
                    (t, w) -> assertEquals(List.of("default"), groupNames(detail(t, w.instanceId)))),
            step("updateSecurityGroup", "rename",
                    (t, w, ex) -> t.api(SecurityGroupApi.class).updateSecurityGroup(w.groupId, decode(ex, SecurityGroupRequest.class)),
                    (t, w, r) -> assertEquals(ex("updateSecurityGroup", "rename").at("/securityGroup/name").asText(),
                            r.getSecurityGroup().getName())),
            action("reboot", (ex, w) -> ex, (t, w) -> t.instanceWaiter().untilActive(w.instanceId)),
            action("resize", (ex, w) -> ex, (t, w) -> {
                t.instanceWaiter().untilActive(w.instanceId);
                assertEquals(ex("performInstanceAction", "resize").at("/parameters/flavor").asText(),
                        detail(t, w.instanceId).getFlavor().getId(), "the new flavor, once the resize is done");
            }),
            action("stop", (ex, w) -> ex, (t, w) -> t.instanceWaiter().untilStopped(w.instanceId)),
            step("performInstanceAction", "uploadImage",
                    (t, w, ex) -> t.api(InstanceActionApi.class).performInstanceAction(w.instanceId, decode(ex, InstanceActionRequest.class)),
                    (t, w, r) -> {
                        assertEquals(ex("performInstanceAction", "uploadImage").at("/parameters/name").asText(),
                                r.getCreatedImage().getName());
                        assertEquals(ImageStatus.ACTIVE, t.imageWaiter().untilActive(r.getCreatedImage().getId()).getStatus());
                        assertEquals(InstanceStatus.STOP, summary(t, w.instanceId).getStatus(), "the instance stays STOP");
                        w.imageId = r.getCreatedImage().getId();
                    }),
            step("deleteImage", null,
                    (t, w, ex) -> t.api(ImageApi.class).deleteImage(w.imageId),
                    (t, w, r) -> assertTrue(t.api(ImageApi.class).listImages().getImages().stream()
                            .noneMatch(i -> w.imageId.equals(i.getId())), "the project's own image is gone")),
            action("start", (ex, w) -> ex, (t, w) -> t.instanceWaiter().untilActive(w.instanceId)),

            // --- Deletes
            step("deleteFloatingIp", null,
                    (t, w, ex) -> t.api(FloatingIpApi.class).deleteFloatingIp(w.floatingIpId),
                    (t, w, r) -> assertTrue(t.api(FloatingIpApi.class).listFloatingIps().getFloatingIps().stream()
                            .noneMatch(f -> w.floatingIpId.equals(f.getId())), "the floating IP is gone")),
            step("deleteVolume", null,
                    (t, w, ex) -> t.api(BlockStorageApi.class).deleteVolume(w.volumeId),
                    (t, w, r) -> t.volumeWaiter().untilGone(w.volumeId)),
            step("deleteSecurityGroupRule", null,
                    (t, w, ex) -> t.api(SecurityGroupRuleApi.class).deleteSecurityGroupRule(w.httpsRuleId),
                    (t, w, r) -> assertTrue(t.api(SecurityGroupApi.class).listSecurityGroups(w.groupId).getSecurityGroups().get(0)
                            .getSecurityGroupRules().stream().map(SecurityGroupRule::getId).noneMatch(w.httpsRuleId::equals),
                            "the rule is gone from its group")),
            step("deleteInstance", null, "web-01",
                    (t, w, ex) -> t.api(InstanceApi.class).deleteInstance(w.instanceId),
                    (t, w, r) -> t.instanceWaiter().untilGone(w.instanceId)),
            step("deleteInstance", null, "web-02",
                    (t, w, ex) -> t.api(InstanceApi.class).deleteInstance(w.subnetInstanceId),
                    (t, w, r) -> t.instanceWaiter().untilGone(w.subnetInstanceId)),
            step("deleteInstance", null, "cache-01",
                    (t, w, ex) -> t.api(InstanceApi.class).deleteInstance(w.fixedDiskInstanceId),
                    (t, w, r) -> {
                        t.instanceWaiter().untilGone(w.fixedDiskInstanceId);
                        assertEquals(List.of(), t.api(InstanceApi.class).listInstances().getInstances(), "no instance left");
                    }),
            step("deleteSecurityGroup", null,
                    (t, w, ex) -> t.api(SecurityGroupApi.class).deleteSecurityGroup(w.groupId),
                    (t, w, r) -> assertEquals(List.of("default"), t.api(SecurityGroupApi.class).listSecurityGroups()
                            .getSecurityGroups().stream().map(g -> g.getName()).toList(), "only the default group is left")),
            step("deleteKeypair", null, KEY_NAME,
                    (t, w, ex) -> t.api(KeypairApi.class).deleteKeypair(KEY_NAME),
                    (t, w, r) -> assertEquals(List.of(UPLOADED_KEY_NAME), t.api(KeypairApi.class).listKeypairs()
                            .getKeypairs().stream().map(k -> k.getName()).toList())),
            step("deleteKeypair", null, UPLOADED_KEY_NAME,
                    (t, w, ex) -> t.api(KeypairApi.class).deleteKeypair(UPLOADED_KEY_NAME),
                    (t, w, r) -> assertEquals(List.of(), t.api(KeypairApi.class).listKeypairs().getKeypairs(),
                            "no key pair left")));

    private EmulatorLifecycle() {
    }

    /** An action's request example with the ids of this run where it names its own. */
    @FunctionalInterface
    private interface ExampleChange {
        JsonNode apply(JsonNode example, World world);
    }

    @FunctionalInterface
    private interface AfterAction {
        void check(ToastComputeClient toast, World world);
    }

    /** An instance action through the generated action endpoint, with its request example. */
    private static Step action(String action, ExampleChange change, AfterAction after) {
        return step("performInstanceAction", action,
                (t, w, ex) -> t.api(InstanceActionApi.class).performInstanceAction(w.instanceId,
                        decode(change.apply(ex, w), InstanceActionRequest.class)),
                (Then<InstanceActionResponse>) (t, w, r) -> {
                    assertNull(r.getCreatedImage(), "only uploadImage returns an image");
                    after.check(t, w);
                });
    }

    private static JsonNode ex(String operationId, String name) {
        return CONTRACT.operation(operationId).requestExamples().get(name);
    }

    /** A created instance: BUILD with the requested name, then ACTIVE (the client's waiter). */
    private static String built(ToastComputeClient toast, InstanceCreateResponse response, String name) {
        InstanceSummary created = response.getInstance();
        assertEquals(name, created.getName());
        assertEquals(InstanceStatus.BUILD, created.getStatus(), "a new instance is BUILD");
        assertEquals(InstanceStatus.ACTIVE, toast.instanceWaiter().untilActive(created.getId()).getStatus());
        return created.getId();
    }

    private static InstanceSummary summary(ToastComputeClient toast, String id) {
        return toast.api(InstanceApi.class).listInstances(id).getInstances().get(0);
    }

    private static InstanceDetail detail(ToastComputeClient toast, String id) {
        return toast.api(InstanceApi.class).listInstanceDetails(id).getInstances().get(0);
    }

    private static InstanceAddress address(ToastComputeClient toast, String id) {
        return detail(toast, id).getAddresses().get(0);
    }

    private static List<String> groupNames(InstanceDetail detail) {
        return detail.getSecurityGroups().stream().map(io.toastcloud.compute.model.InstanceSecurityGroup::getName).sorted().toList();
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
