package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.annotation.InternalApi;
import io.toastcloud.compute.api.SecurityGroupApi;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.model.SecurityGroup;
import io.toastcloud.compute.model.SecurityGroupRequest;
import io.toastcloud.compute.model.SecurityGroupSpec;
import io.toastcloud.compute.model.SecurityGroupResponse;
import java.util.List;
import java.util.Optional;

/** Security groups ({@code toast.securityGroups()}) and their rules ({@link #rules()}), over {@link SecurityGroupApi}. */
public final class SecurityGroups {
    private final SecurityGroupApi api;
    private final SecurityGroupRules rules;

    @InternalApi
    public SecurityGroups(SecurityGroupApi api, SecurityGroupRules rules) {
        this.api = api;
        this.rules = rules;
    }

    /** The rules of every security group: add, list, delete. */
    public SecurityGroupRules rules() {
        return rules;
    }

    /** Creates a security group (the service adds its default egress rules) and returns it. */
    public SecurityGroup create(String name, String description) {
        return create(new SecurityGroupSpec().name(name).description(description));
    }

    public SecurityGroup create(SecurityGroupSpec spec) {
        return group("createSecurityGroup", api.createSecurityGroup(new SecurityGroupRequest().securityGroup(spec)));
    }

    /** Changes the group's name or description; returns the group as changed. */
    public SecurityGroup update(SecurityGroupId id, SecurityGroupSpec spec) {
        return group("updateSecurityGroup", api.updateSecurityGroup(id.value(), new SecurityGroupRequest().securityGroup(spec)));
    }

    /** The group, with its rules, or empty if there is no such group. */
    public Optional<SecurityGroup> get(SecurityGroupId id) {
        String wanted = id.value();
        return Lookups.one(() -> api.listSecurityGroups(wanted).getSecurityGroups(), SecurityGroup::getId, wanted);
    }

    public List<SecurityGroup> list() {
        return Lookups.orEmpty(api.listSecurityGroups().getSecurityGroups());
    }

    /** The group named {@code name} (for example {@code default}), or empty; refused when several have that name. */
    public Optional<SecurityGroup> findByName(String name) {
        return Lookups.uniquelyNamed(list(), SecurityGroup::getName, SecurityGroup::getId, name, "security group");
    }

    public List<SecurityGroup> findAllByName(String name) {
        return Lookups.named(list(), SecurityGroup::getName, name);
    }

    public void delete(SecurityGroupId id) {
        api.deleteSecurityGroup(id.value());
    }

    private static SecurityGroup group(String operation, SecurityGroupResponse response) {
        if (response.getSecurityGroup() == null) {
            throw new MalformedResponseException(operation, "the call succeeded but the answer names no securityGroup", null);
        }
        return response.getSecurityGroup();
    }
}
