package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.annotation.InternalApi;
import io.toastcloud.compute.api.SubnetApi;
import io.toastcloud.compute.model.Subnet;
import java.util.List;
import java.util.Optional;

/** Subnets ({@code toast.subnets()}), over {@link SubnetApi}: read-only; the list has no filter, so lookups read it whole. */
public final class Subnets {
    private final SubnetApi api;

    @InternalApi
    public Subnets(SubnetApi api) {
        this.api = api;
    }

    public Optional<Subnet> get(SubnetId id) {
        return Lookups.one(this::list, Subnet::getId, id.value());
    }

    public List<Subnet> list() {
        return Lookups.orEmpty(api.listSubnets().getSubnets());
    }

    /** The subnets of one network. */
    public List<Subnet> list(NetworkId network) {
        return list().stream().filter(s -> network.value().equals(s.getNetworkId())).toList();
    }

    /** The subnet named {@code name}, or empty; refused (IllegalStateException) when several have that name. */
    public Optional<Subnet> findByName(String name) {
        return Lookups.uniquelyNamed(list(), Subnet::getName, Subnet::getId, name, "subnet");
    }

    public List<Subnet> findAllByName(String name) {
        return Lookups.named(list(), Subnet::getName, name);
    }
}
