package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.annotation.InternalApi;
import io.toastcloud.compute.api.AvailabilityZoneApi;
import io.toastcloud.compute.model.AvailabilityZone;
import java.util.List;

/** Availability zones ({@code toast.availabilityZones()}), over {@link AvailabilityZoneApi}. */
public final class AvailabilityZones {
    private final AvailabilityZoneApi api;

    @InternalApi
    public AvailabilityZones(AvailabilityZoneApi api) {
        this.api = api;
    }

    public List<AvailabilityZone> list() {
        return Lookups.orEmpty(api.listAvailabilityZones().getZones());
    }
}
