package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.model.SecurityGroup;

/**
 * The id of a security group.
 * A type of its own, so that ids of different resources cannot be swapped in a call (the
 * compiler refuses {@code attach(instance, volume)}). What a valid value is stays the
 * contract's rule, checked when the call is made; here only null or blank is refused.
 */
public record SecurityGroupId(String value) {
    public SecurityGroupId {
        value = Ids.present(value, "securityGroupId");
    }

    public static SecurityGroupId of(String value) {
        return new SecurityGroupId(value);
    }

    public static SecurityGroupId of(SecurityGroup group) {
        return new SecurityGroupId(Ids.from(group, SecurityGroup::getId, "security group"));
    }

    /** The raw value, as the generated API takes it. */
    @Override
    public String toString() {
        return value;
    }
}
