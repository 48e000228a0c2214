package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.annotation.InternalApi;
import io.toastcloud.compute.api.SecurityGroupRuleApi;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.model.SecurityGroupRule;
import io.toastcloud.compute.model.SecurityGroupRuleCreateRequest;
import io.toastcloud.compute.model.SecurityGroupRuleSpec;
import java.util.List;
import java.util.Optional;

/**
 * Security group rules ({@code toast.securityGroups().rules()}), over {@link SecurityGroupRuleApi}.
 * What a valid rule is (ports need a protocol, a remote group excludes a prefix, ...) is the
 * contract's {@code x-rules}, checked before the request is sent.
 */
public final class SecurityGroupRules {
    private final SecurityGroupRuleApi api;

    @InternalApi
    public SecurityGroupRules(SecurityGroupRuleApi api) {
        this.api = api;
    }

    /** Adds the rule to the group the spec names ({@code securityGroupId}) and returns it. */
    public SecurityGroupRule create(SecurityGroupRuleSpec spec) {
        SecurityGroupRule created = api.createSecurityGroupRule(new SecurityGroupRuleCreateRequest().securityGroupRule(spec))
                .getSecurityGroupRule();
        if (created == null) {
            throw new MalformedResponseException("createSecurityGroupRule", "the rule was created but the answer names none", null);
        }
        return created;
    }

    /** Adds the rule to {@code group}: sets the spec's {@code securityGroupId}, then creates it. */
    public SecurityGroupRule create(SecurityGroupId group, SecurityGroupRuleSpec spec) {
        return create(spec.securityGroupId(group.value()));
    }

    public Optional<SecurityGroupRule> get(SecurityGroupRuleId id) {
        String wanted = id.value();
        return Lookups.one(() -> api.listSecurityGroupRules(wanted).getSecurityGroupRules(), SecurityGroupRule::getId, wanted);
    }

    /** Every rule of every group. */
    public List<SecurityGroupRule> list() {
        return Lookups.orEmpty(api.listSecurityGroupRules().getSecurityGroupRules());
    }

    /** The rules of one group. */
    public List<SecurityGroupRule> list(SecurityGroupId group) {
        return list().stream().filter(r -> group.value().equals(r.getSecurityGroupId())).toList();
    }

    public void delete(SecurityGroupRuleId id) {
        api.deleteSecurityGroupRule(id.value());
    }
}
