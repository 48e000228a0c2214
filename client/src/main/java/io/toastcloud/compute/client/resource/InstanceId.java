package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceSummary;

/**
 * The id of an instance.
 * A type of its own, so that ids of different resources cannot be swapped in a call (the
 * compiler refuses {@code attach(instance, volume)}). What a valid value is stays the
 * contract's rule, checked when the call is made; here only null or blank is refused.
 */
public record InstanceId(String value) {
    public InstanceId {
        value = Ids.present(value, "instanceId");
    }

    public static InstanceId of(String value) {
        return new InstanceId(value);
    }

    public static InstanceId of(InstanceSummary instance) {
        return new InstanceId(Ids.from(instance, InstanceSummary::getId, "instance"));
    }

    public static InstanceId of(InstanceDetail instance) {
        return new InstanceId(Ids.from(instance, InstanceDetail::getId, "instance"));
    }

    /** The raw value, as the generated API takes it. */
    @Override
    public String toString() {
        return value;
    }
}
