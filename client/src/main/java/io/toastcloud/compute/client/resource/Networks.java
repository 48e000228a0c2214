package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.annotation.InternalApi;
import io.toastcloud.compute.api.NetworkApi;
import io.toastcloud.compute.model.Network;
import java.util.List;
import java.util.Optional;

/** Networks (VPCs, {@code toast.networks()}), over {@link NetworkApi}: read-only in this API. */
public final class Networks {
    private final NetworkApi api;

    @InternalApi
    public Networks(NetworkApi api) {
        this.api = api;
    }

    public Optional<Network> get(NetworkId id) {
        String wanted = id.value();
        return Lookups.one(() -> api.listNetworks(wanted).getNetworks(), Network::getId, wanted);
    }

    public List<Network> list() {
        return Lookups.orEmpty(api.listNetworks().getNetworks());
    }

    /** The network named {@code name}, or empty; refused (IllegalStateException) when several have that name. */
    public Optional<Network> findByName(String name) {
        return Lookups.uniquelyNamed(list(), Network::getName, Network::getId, name, "network");
    }

    public List<Network> findAllByName(String name) {
        return Lookups.named(list(), Network::getName, name);
    }
}
