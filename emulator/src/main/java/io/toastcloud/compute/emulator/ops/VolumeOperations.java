package io.toastcloud.compute.emulator.ops;

import io.toastcloud.compute.emulator.Transition;
import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.emulator.api.Envelopes;
import io.toastcloud.compute.emulator.api.Operation;
import io.toastcloud.compute.emulator.state.Phase;
import io.toastcloud.compute.emulator.state.TenantState;
import io.toastcloud.compute.emulator.state.VolumeRecord;
import io.toastcloud.compute.model.HeaderOnlyResponse;
import io.toastcloud.compute.model.Volume;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateResponse;
import io.toastcloud.compute.model.VolumeCreateSpec;
import io.toastcloud.compute.model.VolumeListResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Block storage: creating then available; delete only in the statuses the contract lists
 * ({@code x-deletable-values} of {@code VolumeStatus}), deleting then gone. Attaching and
 * detaching are instance operations ({@link InstanceOperations}).
 */
final class VolumeOperations {
    private final Emulation emulation;
    private final Views views;
    private final Set<String> deletable = new LinkedHashSet<>();

    VolumeOperations(Emulation emulation, Views views) {
        this.emulation = emulation;
        this.views = views;
        emulation.contract().schema("VolumeStatus").path("x-deletable-values").forEach(v -> deletable.add(v.asText()));
    }

    void register(Map<String, Operation> ops) {
        ops.put("listVolumes", request -> emulation.tenant(request.appkey()).read(tx -> {
            String id = request.query("id");
            List<Volume> volumes = new ArrayList<>();
            if (id != null) {
                volumes.add(views.volume(volume(tx.state(), id)));
            } else {
                tx.state().volumes.values().forEach(v -> volumes.add(views.volume(v)));
            }
            return new VolumeListResponse().header(Envelopes.ok()).volumes(volumes);
        }));
        ops.put("createVolume", request -> {
            VolumeCreateSpec spec = request.body(VolumeCreateRequest.class, emulation.mapper()).getVolume();
            if (!emulation.catalog().hasZone(spec.getAvailabilityZone())) {
                throw ApiFailure.invalidParameters("volume.availabilityZone is not an available zone (see listAvailabilityZones)");
            }
            String volumeType = VolumeTypes.of(spec.getVolumeType());
            return emulation.tenant(request.appkey()).write(tx -> {
                VolumeRecord v = new VolumeRecord();
                v.id = UUID.randomUUID().toString();
                v.name = spec.getName();
                v.description = spec.getDescription();
                v.size = spec.getSize();
                v.volumeType = volumeType;
                v.availabilityZone = spec.getAvailabilityZone();
                v.metadata = spec.getMetadata() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(spec.getMetadata());
                v.status = "creating";
                v.createdAt = tx.now();
                v.updatedAt = tx.now();
                emulation.lifecycle().plan(tx.state(), v, tx.now(), Phase.to(emulation.delay(Transition.VOLUME_CREATE),
                        emulation.failing(v.name) ? "error" : "available"));
                tx.state().volumes.put(v.id, v);
                return new VolumeCreateResponse().header(Envelopes.ok()).volume(views.volume(v));
            });
        });
        ops.put("deleteVolume", request -> emulation.tenant(request.appkey()).write(tx -> {
            VolumeRecord v = volume(tx.state(), request.query("id"));
            if (!deletable.contains(v.status)) {
                throw ApiFailure.example("VolumeInvalidState", "Invalid volume: Volume status must be "
                        + String.join(" or ", deletable) + ", but current status is: " + v.status);
            }
            Duration delay = emulation.delay(Transition.VOLUME_DELETE);
            v.status = "deleting";
            v.updatedAt = tx.now();
            emulation.lifecycle().plan(tx.state(), v, tx.now(), Phase.gone(delay));
            return (HeaderOnlyResponse) Envelopes.okOnly();
        }));
    }

    static VolumeRecord volume(TenantState state, String id) {
        VolumeRecord v = state.volumes.get(id);
        if (v == null) {
            throw ApiFailure.example("VolumeNotFound");
        }
        return v;
    }
}
