package io.toastcloud.compute.emulator.state;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The appkeys the emulator knows, each with its state; an appkey's state is created on first use. */
public final class TenantRegistry {
    private final ConcurrentHashMap<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final Catalog catalog;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private final Persistence persistence;

    public TenantRegistry(Catalog catalog, Lifecycle lifecycle, Clock clock, Persistence persistence) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.persistence = persistence;
    }

    /** The appkey's state, created (with its {@code default} security group) when new. */
    public Tenant tenant(String appkey) {
        return tenants.computeIfAbsent(appkey, key -> {
            TenantState state = new TenantState();
            state.appkey = key;
            SecurityGroupRecord group = catalog.newDefaultSecurityGroup();
            state.securityGroups.put(group.id, group);
            return new Tenant(state, lifecycle, clock, persistence);
        });
    }

    public Optional<Tenant> existing(String appkey) {
        return Optional.ofNullable(tenants.get(appkey));
    }

    /** Puts back a saved state (at start-up, before any request). */
    public Tenant restore(TenantState state) {
        Tenant tenant = new Tenant(state, lifecycle, clock, persistence);
        tenants.put(state.appkey, tenant);
        return tenant;
    }

    public Collection<Tenant> all() {
        return tenants.values();
    }
}
