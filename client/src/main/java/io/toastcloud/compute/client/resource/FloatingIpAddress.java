package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.model.FloatingIp;

/**
 * The address of a floating IP (what the instance actions take).
 * A type of its own, so that ids of different resources cannot be swapped in a call (the
 * compiler refuses {@code attach(instance, volume)}). What a valid value is stays the
 * contract's rule, checked when the call is made; here only null or blank is refused.
 */
public record FloatingIpAddress(String value) {
    public FloatingIpAddress {
        value = Ids.present(value, "floatingIpAddress");
    }

    public static FloatingIpAddress of(String value) {
        return new FloatingIpAddress(value);
    }

    public static FloatingIpAddress of(FloatingIp floatingIp) {
        return new FloatingIpAddress(Ids.from(floatingIp, FloatingIp::getFloatingIpAddress, "floating IP"));
    }

    /** The raw value, as the generated API takes it. */
    @Override
    public String toString() {
        return value;
    }
}
