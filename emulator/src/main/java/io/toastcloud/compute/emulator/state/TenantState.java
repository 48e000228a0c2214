package io.toastcloud.compute.emulator.state;

import java.util.List;
import java.util.Optional;

/**
 * Everything one appkey owns. Each kind of record is a {@link Records} map (creation order,
 * which is the order of the lists) that notes which records a change was handed, so that only
 * those are saved. Only {@link Tenant} touches it, under its lock.
 */
public final class TenantState {
    public String appkey;
    /** The next {@link Step#seq()}. */
    public long stepSeq;
    public final Records<TokenRecord> tokens = new Records<>("tokens", TokenRecord.class);
    /** By name (key pairs are named, not numbered). */
    public final Records<KeypairRecord> keypairs = new Records<>("keypairs", KeypairRecord.class);
    public final Records<SecurityGroupRecord> securityGroups = new Records<>("securityGroups", SecurityGroupRecord.class);
    public final Records<InstanceRecord> instances = new Records<>("instances", InstanceRecord.class);
    public final Records<VolumeRecord> volumes = new Records<>("volumes", VolumeRecord.class);
    public final Records<ImageRecord> images = new Records<>("images", ImageRecord.class);
    public final Records<FloatingIpRecord> floatingIps = new Records<>("floatingIps", FloatingIpRecord.class);

    /** Every kind, in a fixed order (the order of the saved records). */
    public List<Records<?>> kinds() {
        return List.of(tokens, keypairs, securityGroups, instances, volumes, images, floatingIps);
    }

    /** Starts (or ends) noting which records a change is handed; either way forgets earlier notes. */
    void track(boolean on) {
        kinds().forEach(k -> k.track(on));
    }

    /** Empties every kind (a reset). */
    void clear() {
        kinds().forEach(Records::clear);
        stepSeq = 0;
    }

    public Optional<SecurityGroupRecord> securityGroupNamed(String name) {
        Optional<SecurityGroupRecord> found = securityGroups.untracked().values().stream()
                .filter(g -> g.name.equals(name)).findFirst();
        found.ifPresent(g -> securityGroups.mark(g.id));
        return found;
    }

    public Optional<SecurityGroupRecord.RuleRecord> rule(String ruleId) {
        Optional<SecurityGroupRecord.RuleRecord> found = securityGroups.untracked().values().stream()
                .flatMap(g -> g.rules.stream()).filter(r -> r.id.equals(ruleId)).findFirst();
        found.ifPresent(r -> securityGroups.mark(r.securityGroupId));
        return found;
    }

    public Optional<FloatingIpRecord> floatingIpAt(String address) {
        Optional<FloatingIpRecord> found = floatingIps.untracked().values().stream()
                .filter(f -> f.address.equals(address)).findFirst();
        found.ifPresent(f -> floatingIps.mark(f.id));
        return found;
    }
}
