package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.model.Network;

/**
 * The id of a network (VPC).
 * A type of its own, so that ids of different resources cannot be swapped in a call (the
 * compiler refuses {@code attach(instance, volume)}). What a valid value is stays the
 * contract's rule, checked when the call is made; here only null or blank is refused.
 */
public record NetworkId(String value) {
    public NetworkId {
        value = Ids.present(value, "networkId");
    }

    public static NetworkId of(String value) {
        return new NetworkId(value);
    }

    public static NetworkId of(Network network) {
        return new NetworkId(Ids.from(network, Network::getId, "network"));
    }

    /** The raw value, as the generated API takes it. */
    @Override
    public String toString() {
        return value;
    }
}
