package io.toastcloud.compute.emulator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
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

    /**
     * Forgets the appkey, in memory and on disk: its next request finds a new state (with only
     * the {@code default} security group). Requests already running on it finish on the old
     * state and save nothing. Tokens are kept by whoever issued them (the token service).
     */
    public void reset(String appkey) {
        Tenant tenant = tenants.get(appkey);
        try {
            if (tenant == null) {
                persistence.reset(appkey);
                return;
            }
            // Disk first, under the tenant's lock, then the map: a new tenant made after the
            // removal saves after the reset, never before it.
            tenant.drop();
            tenants.remove(appkey, tenant);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the saved state of an appkey", e);
        }
    }

    /**
     * {@link #reset Resets} every appkey, then compacts the store, so that the old records
     * (token ids among them) leave the disk too.
     */
    public void resetAll() {
        for (String appkey : List.copyOf(tenants.keySet())) {
            reset(appkey);
        }
        try {
            persistence.compact();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the saved state", e);
        }
    }
}
