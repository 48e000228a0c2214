package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.annotation.InternalApi;
import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.client.waiter.VolumeWaiters;
import io.toastcloud.compute.model.InstanceAttachment;
import io.toastcloud.compute.model.Volume;
import io.toastcloud.compute.model.VolumeAttachRequest;
import io.toastcloud.compute.model.VolumeAttachSpec;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import io.toastcloud.compute.model.VolumeStatus;
import java.util.List;
import java.util.Optional;

/**
 * Block storage volumes ({@code toast.volumes()}), over {@link BlockStorageApi}; attaching and
 * detaching are the instance API's operations, taken here with the volume first and typed ids
 * ({@code attach(volume, instance)} swapped does not compile).
 */
public final class Volumes {
    private final BlockStorageApi api;
    private final InstanceApi instances;
    private final VolumeWaiters waiters;

    @InternalApi
    public Volumes(BlockStorageApi api, InstanceApi instances, VolumeWaiters waiters) {
        this.api = api;
        this.instances = instances;
        this.waiters = waiters;
    }

    /** Creates a volume and returns it (status {@code creating}; {@link #waitUntilAvailable} waits). */
    public Volume create(VolumeCreateSpec spec) {
        Volume created = api.createVolume(new VolumeCreateRequest().volume(spec)).getVolume();
        if (created == null) {
            throw new MalformedResponseException("createVolume", "the volume was created but the answer names none", null);
        }
        return created;
    }

    /** The volume, or empty if there is no such volume. */
    public Optional<Volume> get(VolumeId id) {
        String wanted = id.value();
        return Lookups.one(() -> api.listVolumes(wanted).getVolumes(), Volume::getId, wanted);
    }

    public List<Volume> list() {
        return Lookups.orEmpty(api.listVolumes().getVolumes());
    }

    /** The volume named {@code name}, or empty; refused (IllegalStateException) when several have that name. */
    public Optional<Volume> findByName(String name) {
        return Lookups.uniquelyNamed(list(), Volume::getName, Volume::getId, name, "volume");
    }

    public List<Volume> findAllByName(String name) {
        return Lookups.named(list(), Volume::getName, name);
    }

    public void delete(VolumeId id) {
        api.deleteVolume(id.value());
    }

    /** Attaches the volume to the instance; returns the attachment (with the device it got). */
    public InstanceAttachment attach(VolumeId volume, InstanceId instance) {
        InstanceAttachment attachment = instances.attachVolume(instance.value(),
                new VolumeAttachRequest().attachment(new VolumeAttachSpec().volumeId(volume.value()))).getAttachment();
        if (attachment == null) {
            throw new MalformedResponseException("attachVolume", "the volume was attached but the answer names no attachment", null);
        }
        return attachment;
    }

    /** Detaches the volume from the instance ({@link #waitUntilAvailable} waits for it to be free). */
    public void detach(VolumeId volume, InstanceId instance) {
        instances.detachVolume(instance.value(), volume.value());
    }

    public Volume waitUntilAvailable(VolumeId id) {
        return waiters.untilAvailable(id.value());
    }

    public Volume waitUntilInUse(VolumeId id) {
        return waiters.untilInUse(id.value());
    }

    public Volume waitUntilStatus(VolumeId id, VolumeStatus wanted) {
        return waiters.untilStatus(id.value(), wanted);
    }

    public void waitUntilGone(VolumeId id) {
        waiters.untilGone(id.value());
    }
}
