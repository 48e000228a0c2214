package io.toastcloud.compute.emulator.ops;

import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.emulator.api.Envelopes;
import io.toastcloud.compute.emulator.api.Operation;
import io.toastcloud.compute.model.AvailabilityZoneListResponse;
import io.toastcloud.compute.model.FlavorListResponse;
import io.toastcloud.compute.model.HeaderOnlyResponse;
import io.toastcloud.compute.model.FloatingIpPoolListResponse;
import io.toastcloud.compute.model.Image;
import io.toastcloud.compute.model.ImageListResponse;
import io.toastcloud.compute.model.Network;
import io.toastcloud.compute.model.NetworkListResponse;
import io.toastcloud.compute.model.SubnetListResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalog: zones, flavors, images (public and the appkey's own, paged with limit and marker;
 * the appkey's own can be deleted), networks, subnets, pools.
 */
final class CatalogOperations {
    private final Emulation emulation;
    private final Views views;

    CatalogOperations(Emulation emulation, Views views) {
        this.emulation = emulation;
        this.views = views;
    }

    void register(Map<String, Operation> ops) {
        var catalog = emulation.catalog();
        ops.put("listAvailabilityZones", request -> new AvailabilityZoneListResponse().header(Envelopes.ok())
                .zones(new ArrayList<>(catalog.zones())));
        ops.put("listFlavors", request -> new FlavorListResponse().header(Envelopes.ok())
                .flavors(new ArrayList<>(catalog.flavors())));
        ops.put("listImages", request -> emulation.tenant(request.appkey()).read(tx -> {
            // Creation order: the public images (older than any the appkey made), then its own.
            List<Image> images = new ArrayList<>(catalog.images());
            tx.state().images.values().forEach(i -> images.add(views.image(i)));
            return new ImageListResponse().header(Envelopes.ok())
                    .images(ImagePages.page(images, request.query("marker"), request.query("limit")));
        }));
        ops.put("deleteImage", request -> emulation.tenant(request.appkey()).write(tx -> {
            String id = request.query("id");
            if (tx.state().images.remove(id) != null) {
                return (HeaderOnlyResponse) Envelopes.okOnly();
            }
            throw ApiFailure.example(catalog.image(id).isPresent() ? "ImageNotDeletable" : "ImageNotFound");
        }));
        ops.put("listNetworks", request -> {
            String id = request.query("id");
            List<Network> networks = new ArrayList<>(catalog.networks());
            if (id != null) {
                networks = List.of(catalog.network(id).orElseThrow(() -> ApiFailure.example("NoAccessibleNetwork")));
            }
            return new NetworkListResponse().header(Envelopes.ok()).networks(new ArrayList<>(networks));
        });
        ops.put("listSubnets", request -> new SubnetListResponse().header(Envelopes.ok())
                .subnets(new ArrayList<>(catalog.subnets())));
        ops.put("listFloatingIpPools", request -> new FloatingIpPoolListResponse().header(Envelopes.ok())
                .pools(new ArrayList<>(catalog.pools())));
    }
}
