package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.annotation.InternalApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.model.Flavor;
import java.util.List;
import java.util.Optional;

/** Flavors ({@code toast.flavors()}), over {@link FlavorApi}: read-only; the list has no filter, so lookups read it whole. */
public final class Flavors {
    private final FlavorApi api;

    @InternalApi
    public Flavors(FlavorApi api) {
        this.api = api;
    }

    public Optional<Flavor> get(FlavorId id) {
        return Lookups.one(this::list, Flavor::getId, id.value());
    }

    public List<Flavor> list() {
        return Lookups.orEmpty(api.listFlavors().getFlavors());
    }

    /** The flavor named {@code name} (for example {@code u2.c1m1}), or empty. */
    public Optional<Flavor> findByName(String name) {
        return Lookups.uniquelyNamed(list(), Flavor::getName, Flavor::getId, name, "flavor");
    }
}
