package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.annotation.InternalApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.FloatingIpCreateRequest;
import io.toastcloud.compute.model.FloatingIpPool;
import io.toastcloud.compute.model.FloatingIpPoolReference;
import java.util.List;
import java.util.Optional;

/**
 * Floating IPs ({@code toast.floatingIps()}), over {@link FloatingIpApi}: allocate one from a
 * pool ({@link #create}), give it back ({@link #delete}). Associating one with an instance is an
 * instance action: {@code toast.instances().addFloatingIp(instance, address)}.
 */
public final class FloatingIps {
    private final FloatingIpApi api;

    @InternalApi
    public FloatingIps(FloatingIpApi api) {
        this.api = api;
    }

    /** Allocates a floating IP from the pool (see {@link #pools()}) and returns it. */
    public FloatingIp create(String poolId) {
        FloatingIp created = api.createFloatingIp(new FloatingIpCreateRequest().pool(new FloatingIpPoolReference().id(poolId)))
                .getFloatingIp();
        if (created == null) {
            throw new MalformedResponseException("createFloatingIp", "the floating IP was created but the answer names none", null);
        }
        return created;
    }

    /** Allocates a floating IP from {@code pool}. */
    public FloatingIp create(FloatingIpPool pool) {
        return create(Ids.from(pool, FloatingIpPool::getId, "floating IP pool"));
    }

    public Optional<FloatingIp> get(FloatingIpId id) {
        String wanted = id.value();
        return Lookups.one(() -> api.listFloatingIps(wanted).getFloatingIps(), FloatingIp::getId, wanted);
    }

    /** The floating IP with this address, or empty (the list read whole: it has no address filter). */
    public Optional<FloatingIp> get(FloatingIpAddress address) {
        return Lookups.one(this::list, FloatingIp::getFloatingIpAddress, address.value());
    }

    public List<FloatingIp> list() {
        return Lookups.orEmpty(api.listFloatingIps().getFloatingIps());
    }

    /** The pools floating IPs are allocated from. */
    public List<FloatingIpPool> pools() {
        return Lookups.orEmpty(api.listFloatingIpPools().getPools());
    }

    /** Releases the floating IP (back to its pool); remove it from its instance first. */
    public void delete(FloatingIpId id) {
        api.deleteFloatingIp(id.value());
    }
}
