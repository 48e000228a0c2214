package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.model.InstanceAddress;

/**
 * An instance's fixed (private) IP address, which a floating IP is associated with.
 * A type of its own, so that ids of different resources cannot be swapped in a call (the
 * compiler refuses {@code attach(instance, volume)}). What a valid value is stays the
 * contract's rule, checked when the call is made; here only null or blank is refused.
 */
public record FixedIpAddress(String value) {
    public FixedIpAddress {
        value = Ids.present(value, "fixedIpAddress");
    }

    public static FixedIpAddress of(String value) {
        return new FixedIpAddress(value);
    }

    public static FixedIpAddress of(InstanceAddress address) {
        return new FixedIpAddress(Ids.from(address, InstanceAddress::getIpAddress, "instance address"));
    }

    /** The raw value, as the generated API takes it. */
    @Override
    public String toString() {
        return value;
    }
}
