package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.model.Subnet;

/**
 * The id of a subnet.
 * A type of its own, so that ids of different resources cannot be swapped in a call (the
 * compiler refuses {@code attach(instance, volume)}). What a valid value is stays the
 * contract's rule, checked when the call is made; here only null or blank is refused.
 */
public record SubnetId(String value) {
    public SubnetId {
        value = Ids.present(value, "subnetId");
    }

    public static SubnetId of(String value) {
        return new SubnetId(value);
    }

    public static SubnetId of(Subnet subnet) {
        return new SubnetId(Ids.from(subnet, Subnet::getId, "subnet"));
    }

    /** The raw value, as the generated API takes it. */
    @Override
    public String toString() {
        return value;
    }
}
