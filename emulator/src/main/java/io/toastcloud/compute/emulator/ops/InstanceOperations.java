package io.toastcloud.compute.emulator.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Violation;
import io.toastcloud.compute.emulator.Transition;
import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.emulator.api.Envelopes;
import io.toastcloud.compute.emulator.api.Operation;
import io.toastcloud.compute.emulator.state.InstanceRecord;
import io.toastcloud.compute.emulator.state.Phase;
import io.toastcloud.compute.emulator.state.SecurityGroupRecord;
import io.toastcloud.compute.emulator.state.TenantState;
import io.toastcloud.compute.emulator.state.VolumeRecord;
import io.toastcloud.compute.model.Flavor;
import io.toastcloud.compute.model.Image;
import io.toastcloud.compute.model.ImageStatus;
import io.toastcloud.compute.model.InstanceAttachment;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateResponse;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceDetailListResponse;
import io.toastcloud.compute.model.InstanceListResponse;
import io.toastcloud.compute.model.InstanceSummary;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.SecurityGroupName;
import io.toastcloud.compute.model.VolumeAttachRequest;
import io.toastcloud.compute.model.VolumeAttachResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Instances: create (BUILD then ACTIVE), list, delete (DELETING then gone), and attaching and
 * detaching block storage (the volume goes attaching then in-use, detaching then available).
 */
final class InstanceOperations {
    private final Emulation emulation;
    private final Views views;
    private final ReferencedRules referencedRules;
    private final FixedAddresses addresses;

    InstanceOperations(Emulation emulation, Views views) {
        this.emulation = emulation;
        this.views = views;
        this.referencedRules = new ReferencedRules(emulation.contract());
        this.addresses = new FixedAddresses(emulation.catalog());
    }

    void register(Map<String, Operation> ops) {
        ops.put("listInstances", request -> emulation.tenant(request.appkey()).read(tx -> {
            List<InstanceSummary> list = new ArrayList<>();
            selected(tx.state(), request.query("id")).forEach(i -> list.add(views.summary(i)));
            return new InstanceListResponse().header(Envelopes.ok()).instances(list);
        }));
        ops.put("listInstanceDetails", request -> emulation.tenant(request.appkey()).read(tx -> {
            List<InstanceDetail> list = new ArrayList<>();
            selected(tx.state(), request.query("id")).forEach(i -> list.add(views.detail(tx.state(), i)));
            return new InstanceDetailListResponse().header(Envelopes.ok()).instances(list);
        }));
        ops.put("createInstance", request -> create(request.appkey(), request.body(),
                request.body(InstanceCreateRequest.class, emulation.mapper()).getInstance()));
        ops.put("deleteInstance", request -> emulation.tenant(request.appkey()).write(tx -> {
            InstanceRecord i = Instances.instance(tx.state(), request.query("id"));
            if (!"DELETING".equals(i.status)) {
                i.status = "DELETING";
                i.updatedAt = tx.now();
                i.resizeTo = null;
                i.resizeReturnsTo = null;
                emulation.lifecycle().plan(tx.state(), i, tx.now(), Phase.gone(emulation.delay(Transition.INSTANCE_DELETE)));
            }
            return Envelopes.okOnly();
        }));
        ops.put("attachVolume", request -> {
            String volumeId = request.body(VolumeAttachRequest.class, emulation.mapper()).getAttachment().getVolumeId();
            return emulation.tenant(request.appkey()).write(tx -> {
                InstanceRecord i = Instances.instance(tx.state(), request.path("instanceId"));
                VolumeRecord v = VolumeOperations.volume(tx.state(), volumeId);
                Instances.requireStatus(i, "attachVolume", "ACTIVE", "STOP");
                if (!"available".equals(v.status)) {
                    throw ApiFailure.example("VolumeInvalidState",
                            "Invalid volume: Volume status must be available to attach, but current status is: " + v.status);
                }
                String device = nextDevice(tx.state(), i);
                v.attachment = new VolumeRecord.Attachment(i.id, device);
                v.status = "attaching";
                v.updatedAt = tx.now();
                emulation.lifecycle().plan(tx.state(), v, tx.now(), Phase.to(emulation.delay(Transition.VOLUME_ATTACH), "in-use"));
                return new VolumeAttachResponse().header(Envelopes.ok())
                        .attachment(new InstanceAttachment().device(device).id(v.id).volumeId(v.id));
            });
        });
        ops.put("detachVolume", request -> emulation.tenant(request.appkey()).write(tx -> {
            InstanceRecord i = Instances.instance(tx.state(), request.path("instanceId"));
            VolumeRecord v = VolumeOperations.volume(tx.state(), request.query("volumeId"));
            if (v.attachment == null || !i.id.equals(v.attachment.instanceId())) {
                throw ApiFailure.example("VolumeNotFound", "Volume " + v.id + " is not attached to instance " + i.id + ".");
            }
            Instances.requireStatus(i, "detachVolume", "ACTIVE", "STOP");
            if (!"in-use".equals(v.status)) {
                throw ApiFailure.example("VolumeInvalidState",
                        "Invalid volume: Volume status must be in-use to detach, but current status is: " + v.status);
            }
            v.status = "detaching";
            v.updatedAt = tx.now();
            emulation.lifecycle().plan(tx.state(), v, tx.now(), Phase.to(emulation.delay(Transition.VOLUME_DETACH), "available"));
            return Envelopes.okOnly();
        }));
    }

    private static List<InstanceRecord> selected(TenantState state, String id) {
        return id == null ? new ArrayList<>(state.instances.values()) : List.of(Instances.instance(state, id));
    }

    private InstanceCreateResponse create(String appkey, JsonNode body, InstanceCreateSpec spec) {
        var catalog = emulation.catalog();
        Flavor flavor = catalog.flavor(spec.getFlavor()).orElseThrow(() -> ApiFailure.example("FlavorNotFound"));
        if (Boolean.TRUE.equals(flavor.getDisabled())) {
            throw ApiFailure.invalidParameters("instance.flavor is disabled");
        }
        for (NetworkReference n : spec.getNetworks()) {
            networkOf(n);
        }
        if (spec.getVolume() != null) {
            VolumeTypes.of(spec.getVolume().getType(), "instance.volume.type");
        }
        if (!catalog.hasZone(spec.getAvailabilityZone())) {
            throw ApiFailure.invalidParameters("instance.availabilityZone is not an available zone (see listAvailabilityZones)");
        }
        return emulation.tenant(appkey).write(tx -> {
            TenantState state = tx.state();
            Image image = image(state, spec.getImage()).orElseThrow(() -> ApiFailure.example("ImageNotFound"));
            if (image.getStatus() != ImageStatus.ACTIVE) {
                throw ApiFailure.invalidParameters("instance.image is not active (its status is " + image.getStatus() + ")");
            }
            if (!state.keypairs.containsKey(spec.getKeyName())) {
                throw ApiFailure.example("KeypairNotFound", "Keypair " + spec.getKeyName() + " not found.");
            }
            List<String> groupIds = new ArrayList<>();
            for (SecurityGroupName g : spec.getSecurityGroups()) {
                SecurityGroupRecord group = state.securityGroupNamed(g.getName()).orElseThrow(() -> ApiFailure.example(
                        "SecurityGroupNotFound", "Security group '" + g.getName() + "' could not be found."));
                if (!groupIds.contains(group.id)) {
                    groupIds.add(group.id);
                }
            }
            List<Violation> violations = referencedRules.check("InstanceCreateRequest", body, (resource, id) -> switch (resource) {
                case "Image" -> image(state, id).map(emulation.mapper()::<JsonNode>valueToTree);
                case "Flavor" -> catalog.flavor(id).map(emulation.mapper()::<JsonNode>valueToTree);
                default -> Optional.empty();
            });
            if (!violations.isEmpty()) {
                throw ApiFailure.invalidParameters(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
            }
            int count = spec.getCount() == null ? 1 : spec.getCount();
            List<List<InstanceRecord.Nic>> nics = allocateNics(state, spec.getNetworks(), count);
            int rootSize = flavor.getVolumeSize() != null ? flavor.getVolumeSize() : spec.getVolume().getSize();
            InstanceRecord first = null;
            for (int n = 0; n < count; n++) {
                InstanceRecord i = new InstanceRecord();
                i.id = UUID.randomUUID().toString();
                i.name = count == 1 ? spec.getName() : spec.getName() + "-" + (n + 1);
                i.status = "BUILD";
                i.flavorId = flavor.getId();
                i.imageId = image.getId();
                i.availabilityZone = spec.getAvailabilityZone();
                i.keyName = spec.getKeyName();
                i.rootSize = rootSize;
                i.nics = nics.get(n);
                i.securityGroupIds = new ArrayList<>(groupIds);
                i.createdAt = tx.now();
                i.updatedAt = tx.now();
                emulation.lifecycle().plan(state, i, tx.now(), Phase.to(emulation.delay(Transition.INSTANCE_BUILD),
                        emulation.failing(spec.getName()) ? "ERROR" : "ACTIVE"));
                state.instances.put(i.id, i);
                first = first == null ? i : first;
            }
            return new InstanceCreateResponse().header(Envelopes.ok()).instance(views.summary(first));
        });
    }

    /** An image the appkey can boot from: a public one, or one of its own. */
    private Optional<Image> image(TenantState state, String id) {
        Optional<Image> shared = emulation.catalog().image(id);
        if (shared.isPresent()) {
            return shared;
        }
        return Optional.ofNullable(state.images.get(id)).map(views::image);
    }

    /**
     * The network a reference connects to: by {@code id}, or through the subnet of
     * {@code subnetId} (later revisions); a subnet of another network, or an unknown one, is
     * 20004 like an unknown network.
     */
    private String networkOf(NetworkReference n) {
        var catalog = emulation.catalog();
        String subnetNetwork = n.getSubnetId() == null ? null : catalog.subnets().stream()
                .filter(s -> n.getSubnetId().equals(s.getId())).map(s -> s.getNetworkId()).findFirst()
                .orElseThrow(() -> ApiFailure.example("NoAccessibleNetwork"));
        String id = n.getId() != null ? n.getId() : subnetNetwork;
        if (catalog.network(id).isEmpty() || (subnetNetwork != null && !subnetNetwork.equals(id))) {
            throw ApiFailure.example("NoAccessibleNetwork");
        }
        return id;
    }

    private List<List<InstanceRecord.Nic>> allocateNics(TenantState state, List<NetworkReference> networks, int count) {
        Set<String> given = new HashSet<>();
        List<List<InstanceRecord.Nic>> all = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            List<InstanceRecord.Nic> nics = new ArrayList<>();
            for (NetworkReference network : networks) {
                String networkId = networkOf(network);
                String ip = addresses.allocate(state, networkId, given).orElseThrow(ApiFailure::noAvailableIp);
                given.add(ip);
                nics.add(new InstanceRecord.Nic(networkId, UUID.randomUUID().toString(), macAddress(), ip));
            }
            all.add(nics);
        }
        return all;
    }

    /** OpenStack's MAC prefix fa:16:3e, then three random bytes. */
    private static String macAddress() {
        byte[] tail = new byte[3];
        ThreadLocalRandom.current().nextBytes(tail);
        return "fa:16:3e:" + HexFormat.ofDelimiter(":").formatHex(tail);
    }

    /** The next free device name of the instance: /dev/vdb, /dev/vdc, ... (vda is the root disk). */
    private static String nextDevice(TenantState state, InstanceRecord instance) {
        Set<String> used = new HashSet<>();
        state.volumes.values().stream().filter(v -> v.attachment != null && instance.id.equals(v.attachment.instanceId()))
                .forEach(v -> used.add(v.attachment.device()));
        for (char c = 'b'; c <= 'z'; c++) {
            String device = "/dev/vd" + c;
            if (!used.contains(device)) {
                return device;
            }
        }
        throw ApiFailure.example("InstanceConflict", "The instance has no free device name left.");
    }
}
