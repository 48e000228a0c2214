package io.toastcloud.compute.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.model.AllocationPool;
import io.toastcloud.compute.model.AvailabilityZone;
import io.toastcloud.compute.model.Flavor;
import io.toastcloud.compute.model.FloatingIpPool;
import io.toastcloud.compute.model.Image;
import io.toastcloud.compute.model.Network;
import io.toastcloud.compute.model.SecurityGroup;
import io.toastcloud.compute.model.Subnet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every appkey sees and cannot change: zones, flavors, public images, the network and its
 * subnet, the floating IP pool, and the shape of the {@code default} security group. Read from
 * {@code emulator-catalog.json} into the generated models, so that it has the contract's shape.
 */
public final class Catalog {
    public static final String RESOURCE = "emulator-catalog.json";

    private final List<AvailabilityZone> zones;
    private final List<Flavor> flavors;
    private final List<Image> images;
    private final List<Network> networks;
    private final List<Subnet> subnets;
    private final List<FloatingIpPool> pools;
    private final String floatingIpPrefix;
    private final int floatingIpFirst;
    private final String routerId;
    private final SecurityGroup defaultSecurityGroup;

    private Catalog(JsonNode root, ObjectMapper mapper) throws IOException {
        this.zones = list(root, "zones", AvailabilityZone.class, mapper);
        this.flavors = list(root, "flavors", Flavor.class, mapper);
        this.images = list(root, "images", Image.class, mapper);
        this.networks = list(root, "networks", Network.class, mapper);
        this.subnets = list(root, "subnets", Subnet.class, mapper);
        this.pools = list(root, "floatingIpPools", FloatingIpPool.class, mapper);
        this.floatingIpPrefix = root.at("/floatingIpAddresses/prefix").asText();
        this.floatingIpFirst = root.at("/floatingIpAddresses/first").asInt();
        this.routerId = root.path("routerId").asText();
        this.defaultSecurityGroup = mapper.treeToValue(root.path("defaultSecurityGroup"), SecurityGroup.class);
    }

    /** The catalog shipped with the emulator. */
    public static Catalog load() {
        ObjectMapper mapper = ToastComputeClient.objectMapper();
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new Catalog(mapper.readTree(in), mapper);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static <T> List<T> list(JsonNode root, String field, Class<T> type, ObjectMapper mapper) throws IOException {
        List<T> out = new ArrayList<>();
        for (JsonNode n : root.path(field)) {
            out.add(mapper.treeToValue(n, type));
        }
        return List.copyOf(out);
    }

    public List<AvailabilityZone> zones() {
        return zones;
    }

    public boolean hasZone(String name) {
        return zones.stream().anyMatch(z -> z.getZoneName().equals(name) && Boolean.TRUE.equals(z.getZoneState().getAvailable()));
    }

    public List<Flavor> flavors() {
        return flavors;
    }

    public Optional<Flavor> flavor(String id) {
        return flavors.stream().filter(f -> f.getId().equals(id)).findFirst();
    }

    /** The public images (every appkey's own images come from its state). */
    public List<Image> images() {
        return images;
    }

    public Optional<Image> image(String id) {
        return images.stream().filter(i -> i.getId().equals(id)).findFirst();
    }

    public List<Network> networks() {
        return networks;
    }

    public Optional<Network> network(String id) {
        return networks.stream().filter(n -> n.getId().equals(id)).findFirst();
    }

    public List<Subnet> subnets() {
        return subnets;
    }

    /** The allocation pools of the network's subnets, in order. */
    public List<AllocationPool> allocationPools(String networkId) {
        List<AllocationPool> out = new ArrayList<>();
        subnets.stream().filter(s -> s.getNetworkId().equals(networkId))
                .forEach(s -> out.addAll(s.getAllocationPools() == null ? List.of() : s.getAllocationPools()));
        return out;
    }

    public List<FloatingIpPool> pools() {
        return pools;
    }

    public Optional<FloatingIpPool> pool(String id) {
        return pools.stream().filter(p -> p.getId().equals(id)).findFirst();
    }

    /** The {@code index}-th floating IP address (0-based) of every appkey's pool. */
    public String floatingIpAddress(int index) {
        return floatingIpPrefix + (floatingIpFirst + index);
    }

    public String routerId() {
        return routerId;
    }

    /** The {@code default} group every appkey starts with (a fresh copy). */
    public SecurityGroupRecord newDefaultSecurityGroup() {
        SecurityGroupRecord g = new SecurityGroupRecord();
        g.id = defaultSecurityGroup.getId();
        g.name = defaultSecurityGroup.getName();
        g.description = defaultSecurityGroup.getDescription();
        for (var rule : defaultSecurityGroup.getSecurityGroupRules()) {
            SecurityGroupRecord.RuleRecord r = new SecurityGroupRecord.RuleRecord();
            r.id = rule.getId();
            r.securityGroupId = g.id;
            r.direction = rule.getDirection().getValue();
            r.ethertype = rule.getEthertype() == null ? null : rule.getEthertype().getValue();
            r.description = rule.getDescription();
            g.rules.add(r);
        }
        return g;
    }

    /** Name of the group that cannot be renamed or deleted. */
    public String defaultSecurityGroupName() {
        return defaultSecurityGroup.getName();
    }
}
