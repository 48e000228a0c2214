package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.model.FloatingIp;

/**
 * The id of a floating IP (what it is deleted by).
 * A type of its own, so that ids of different resources cannot be swapped in a call (the
 * compiler refuses {@code attach(instance, volume)}). What a valid value is stays the
 * contract's rule, checked when the call is made; here only null or blank is refused.
 */
public record FloatingIpId(String value) {
    public FloatingIpId {
        value = Ids.present(value, "floatingIpId");
    }

    public static FloatingIpId of(String value) {
        return new FloatingIpId(value);
    }

    public static FloatingIpId of(FloatingIp floatingIp) {
        return new FloatingIpId(Ids.from(floatingIp, FloatingIp::getId, "floating IP"));
    }

    /** The raw value, as the generated API takes it. */
    @Override
    public String toString() {
        return value;
    }
}
