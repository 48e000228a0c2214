package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.model.SecurityGroupRule;

/**
 * The id of a security group rule.
 * A type of its own, so that ids of different resources cannot be swapped in a call (the
 * compiler refuses {@code attach(instance, volume)}). What a valid value is stays the
 * contract's rule, checked when the call is made; here only null or blank is refused.
 */
public record SecurityGroupRuleId(String value) {
    public SecurityGroupRuleId {
        value = Ids.present(value, "securityGroupRuleId");
    }

    public static SecurityGroupRuleId of(String value) {
        return new SecurityGroupRuleId(value);
    }

    public static SecurityGroupRuleId of(SecurityGroupRule rule) {
        return new SecurityGroupRuleId(Ids.from(rule, SecurityGroupRule::getId, "security group rule"));
    }

    /** The raw value, as the generated API takes it. */
    @Override
    public String toString() {
        return value;
    }
}
