package io.toastcloud.compute.emulator.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one appkey owns: what a snapshot holds. Maps keep creation order, which is the
 * order of the lists. Only {@link Tenant} touches it, under its lock.
 */
public final class TenantState {
    public static final int FORMAT_VERSION = 1;

    public int version = FORMAT_VERSION;
    public String appkey;
    /** The next {@link Step#seq()}. */
    public long stepSeq;
    public Map<String, TokenRecord> tokens = new LinkedHashMap<>();
    /** By name (key pairs are named, not numbered). */
    public Map<String, KeypairRecord> keypairs = new LinkedHashMap<>();
    public Map<String, SecurityGroupRecord> securityGroups = new LinkedHashMap<>();
    public Map<String, InstanceRecord> instances = new LinkedHashMap<>();
    public Map<String, VolumeRecord> volumes = new LinkedHashMap<>();
    public Map<String, ImageRecord> images = new LinkedHashMap<>();
    public Map<String, FloatingIpRecord> floatingIps = new LinkedHashMap<>();

    public Optional<SecurityGroupRecord> securityGroupNamed(String name) {
        return securityGroups.values().stream().filter(g -> g.name.equals(name)).findFirst();
    }

    public Optional<SecurityGroupRecord.RuleRecord> rule(String ruleId) {
        return securityGroups.values().stream().flatMap(g -> g.rules.stream()).filter(r -> r.id.equals(ruleId))
                .findFirst();
    }

    public Optional<FloatingIpRecord> floatingIpAt(String address) {
        return floatingIps.values().stream().filter(f -> f.address.equals(address)).findFirst();
    }
}
