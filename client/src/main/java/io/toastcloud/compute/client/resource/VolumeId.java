package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.model.Volume;

/**
 * The id of a block storage volume.
 * A type of its own, so that ids of different resources cannot be swapped in a call (the
 * compiler refuses {@code attach(instance, volume)}). What a valid value is stays the
 * contract's rule, checked when the call is made; here only null or blank is refused.
 */
public record VolumeId(String value) {
    public VolumeId {
        value = Ids.present(value, "volumeId");
    }

    public static VolumeId of(String value) {
        return new VolumeId(value);
    }

    public static VolumeId of(Volume volume) {
        return new VolumeId(Ids.from(volume, Volume::getId, "volume"));
    }

    /** The raw value, as the generated API takes it. */
    @Override
    public String toString() {
        return value;
    }
}
