package io.toastcloud.compute.emulator.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.emulator.state.Catalog;
import io.toastcloud.compute.emulator.state.FloatingIpRecord;
import io.toastcloud.compute.emulator.state.ImageRecord;
import io.toastcloud.compute.emulator.state.InstanceRecord;
import io.toastcloud.compute.emulator.state.KeypairRecord;
import io.toastcloud.compute.emulator.state.SecurityGroupRecord;
import io.toastcloud.compute.emulator.state.TenantState;
import io.toastcloud.compute.emulator.state.VolumeRecord;
import io.toastcloud.compute.model.DiskFormat;
import io.toastcloud.compute.model.Flavor;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.FloatingIpPool;
import io.toastcloud.compute.model.FloatingIpStatus;
import io.toastcloud.compute.model.Image;
import io.toastcloud.compute.model.ImageStatus;
import io.toastcloud.compute.model.InstanceAddress;
import io.toastcloud.compute.model.IpVersion;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceFlavor;
import io.toastcloud.compute.model.InstanceRootVolume;
import io.toastcloud.compute.model.InstanceStatus;
import io.toastcloud.compute.model.InstanceSummary;
import io.toastcloud.compute.model.InstanceVolumeAttachment;
import io.toastcloud.compute.model.InstanceVolumes;
import io.toastcloud.compute.model.Keypair;
import io.toastcloud.compute.model.SecurityGroup;
import io.toastcloud.compute.model.InstanceSecurityGroup;
import io.toastcloud.compute.model.SecurityGroupRule;
import io.toastcloud.compute.model.Volume;
import io.toastcloud.compute.model.VolumeAttachment;
import io.toastcloud.compute.model.VolumeStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Turns the state into the contract's response models. References are resolved here, from one
 * side only: an instance's attachments are the volumes attached to it, its floating IPs the
 * floating IPs associated with it, its security groups the names of the groups it has.
 */
final class Views {
    private final Catalog catalog;
    private final ObjectMapper mapper;

    Views(Catalog catalog, ObjectMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    InstanceSummary summary(InstanceRecord i) {
        return new InstanceSummary().id(i.id).name(i.name).status(InstanceStatus.fromValue(i.status));
    }

    InstanceDetail detail(TenantState state, InstanceRecord i) {
        List<InstanceAddress> addresses = new ArrayList<>();
        for (InstanceRecord.Nic nic : i.nics) {
            String floating = state.floatingIps.values().stream()
                    .filter(f -> i.id.equals(f.instanceId) && nic.ipAddress().equals(f.fixedIpAddress))
                    .map(f -> f.address).findFirst().orElse(null);
            addresses.add(new InstanceAddress().macAddress(nic.macAddress()).ipAddress(nic.ipAddress())
                    .version(IpVersion.NUMBER_4).floatingIpAddress(floating));
        }
        Flavor flavor = catalog.flavor(i.flavorId).orElseThrow();
        List<InstanceVolumeAttachment> attached = new ArrayList<>();
        for (VolumeRecord v : state.volumes.values()) {
            if (v.attachment != null && i.id.equals(v.attachment.instanceId())) {
                attached.add(new InstanceVolumeAttachment().id(v.id).name(v.name).size(v.size));
            }
        }
        List<InstanceSecurityGroup> groups = new ArrayList<>();
        for (String groupId : i.securityGroupIds) {
            SecurityGroupRecord g = state.securityGroups.get(groupId);
            if (g != null) {
                groups.add(new InstanceSecurityGroup().name(g.name));
            }
        }
        return new InstanceDetail().id(i.id).name(i.name).status(InstanceStatus.fromValue(i.status))
                .addresses(addresses).availabilityZone(i.availabilityZone)
                .flavor(new InstanceFlavor().id(flavor.getId()).name(flavor.getName()).cpu(flavor.getVcpus())
                        .ram(flavor.getRam()))
                .image(i.imageId).metadata(i.metadata.isEmpty() ? null : new LinkedHashMap<>(i.metadata))
                .keyName(i.keyName)
                .volumes(new InstanceVolumes().root(new InstanceRootVolume().size(i.rootSize)).attachments(attached))
                .securityGroups(groups)
                .launchedAt(i.launchedAt == null ? null : Timestamps.of(i.launchedAt))
                .createdAt(Timestamps.of(i.createdAt)).updatedAt(Timestamps.of(i.updatedAt));
    }

    Volume volume(VolumeRecord v) {
        List<VolumeAttachment> attachments = new ArrayList<>();
        if (v.attachment != null) {
            attachments.add(new VolumeAttachment().device(v.attachment.device()).instanceId(v.attachment.instanceId())
                    .attachmentId(v.id));
        }
        return new Volume().id(v.id).name(v.name).description(v.description).size(v.size)
                .status(VolumeStatus.fromValue(v.status)).volumeType(v.volumeType).availabilityZone(v.availabilityZone).attachments(attachments)
                .metadata(new LinkedHashMap<>(v.metadata)).createdAt(Timestamps.of(v.createdAt));
    }

    Image image(ImageRecord i) {
        // A queued image has no data yet: no size, format or limits (null in the contract, D12).
        boolean queued = "queued".equals(i.status);
        return new Image().id(i.id).name(i.name).status(ImageStatus.fromValue(i.status))
                .diskFormat(queued ? null : DiskFormat.fromValue(i.diskFormat)).isPublic(false)
                .minDisk(queued ? null : i.minDisk).minRam(queued ? null : i.minRam)
                .properties(new LinkedHashMap<>(i.properties))._protected(false).size(queued ? null : i.size)
                .createdAt(Timestamps.of(i.createdAt)).updatedAt(Timestamps.of(i.updatedAt));
    }

    Keypair keypair(KeypairRecord k, boolean withCreatedAt) {
        return new Keypair().name(k.name).publicKey(k.publicKey).fingerprint(k.fingerprint)
                .createdAt(withCreatedAt ? Timestamps.of(k.createdAt) : null);
    }

    SecurityGroup securityGroup(SecurityGroupRecord g, boolean withRules) {
        SecurityGroup view = new SecurityGroup().id(g.id).name(g.name).description(g.description);
        if (withRules) {
            List<SecurityGroupRule> rules = new ArrayList<>();
            g.rules.forEach(r -> rules.add(rule(r)));
            view.securityGroupRules(rules);
        }
        return view;
    }

    /**
     * The record's fields are named as the contract's {@code SecurityGroupRule} properties, so
     * Jackson maps one onto the other (and follows the contract's enum types, whatever they are named).
     */
    SecurityGroupRule rule(SecurityGroupRecord.RuleRecord r) {
        return mapper.convertValue(r, SecurityGroupRule.class);
    }

    FloatingIp floatingIp(FloatingIpRecord f) {
        FloatingIpPool pool = catalog.pool(f.poolId).orElseThrow();
        FloatingIp view = new FloatingIp().id(f.id).floatingIpAddress(f.address)
                .pool(new FloatingIpPool().id(pool.getId()).name(pool.getName()))
                .status(f.associated() ? FloatingIpStatus.ACTIVE : FloatingIpStatus.DOWN);
        if (f.associated()) {
            view.fixedIpAddress(f.fixedIpAddress).portId(f.portId).routerId(catalog.routerId());
        }
        return view;
    }
}
