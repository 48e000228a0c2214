package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.model.Flavor;

/**
 * The id of a flavor.
 * A type of its own, so that ids of different resources cannot be swapped in a call (the
 * compiler refuses {@code attach(instance, volume)}). What a valid value is stays the
 * contract's rule, checked when the call is made; here only null or blank is refused.
 */
public record FlavorId(String value) {
    public FlavorId {
        value = Ids.present(value, "flavorId");
    }

    public static FlavorId of(String value) {
        return new FlavorId(value);
    }

    public static FlavorId of(Flavor flavor) {
        return new FlavorId(Ids.from(flavor, Flavor::getId, "flavor"));
    }

    /** The raw value, as the generated API takes it. */
    @Override
    public String toString() {
        return value;
    }
}
