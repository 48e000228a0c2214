package io.toastcloud.compute.emulator.ops;

import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.emulator.api.Envelopes;
import io.toastcloud.compute.emulator.api.Operation;
import io.toastcloud.compute.emulator.state.SecurityGroupRecord;
import io.toastcloud.compute.emulator.state.SecurityGroupRecord.RuleRecord;
import io.toastcloud.compute.emulator.state.TenantState;
import io.toastcloud.compute.model.SecurityGroup;
import io.toastcloud.compute.model.SecurityGroupListResponse;
import io.toastcloud.compute.model.SecurityGroupRequest;
import io.toastcloud.compute.model.SecurityGroupResponse;
import io.toastcloud.compute.model.SecurityGroupRule;
import io.toastcloud.compute.model.SecurityGroupRuleCreateRequest;
import io.toastcloud.compute.model.SecurityGroupRuleListResponse;
import io.toastcloud.compute.model.SecurityGroupRuleResponse;
import io.toastcloud.compute.model.SecurityGroupRuleSpec;
import io.toastcloud.compute.model.SecurityGroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Security groups and their rules. Instances refer to groups by name, so names are unique per
 * appkey (a second group of the same name answers 24409), and the {@code default} group can be
 * neither renamed nor deleted; a group an instance uses cannot be deleted (24409). Deleting a
 * group deletes the rules of other groups that name it as their remote group (as Neutron does).
 */
final class SecurityGroupOperations {
    private final Emulation emulation;
    private final Views views;

    SecurityGroupOperations(Emulation emulation, Views views) {
        this.emulation = emulation;
        this.views = views;
    }

    void register(Map<String, Operation> ops) {
        ops.put("listSecurityGroups", request -> emulation.tenant(request.appkey()).read(tx -> {
            String id = request.query("id");
            List<SecurityGroup> groups = new ArrayList<>();
            if (id != null) {
                groups.add(views.securityGroup(group(tx.state(), id), true));
            } else {
                tx.state().securityGroups.values().forEach(g -> groups.add(views.securityGroup(g, true)));
            }
            return new SecurityGroupListResponse().header(Envelopes.ok()).securityGroups(groups);
        }));
        ops.put("createSecurityGroup", request -> {
            SecurityGroupSpec spec = request.body(SecurityGroupRequest.class, emulation.mapper()).getSecurityGroup();
            return emulation.tenant(request.appkey()).write(tx -> {
                requireFreeName(tx.state(), spec.getName(), null);
                SecurityGroupRecord g = new SecurityGroupRecord();
                g.id = UUID.randomUUID().toString();
                g.name = spec.getName();
                g.description = spec.getDescription() == null ? "" : spec.getDescription();
                g.rules.add(egress(g.id, "IPv4"));
                g.rules.add(egress(g.id, "IPv6"));
                tx.state().securityGroups.put(g.id, g);
                return new SecurityGroupResponse().header(Envelopes.ok()).securityGroup(views.securityGroup(g, true));
            });
        });
        ops.put("updateSecurityGroup", request -> {
            SecurityGroupSpec spec = request.body(SecurityGroupRequest.class, emulation.mapper()).getSecurityGroup();
            return emulation.tenant(request.appkey()).write(tx -> {
                SecurityGroupRecord g = group(tx.state(), request.path("securityGroupId"));
                if (isDefault(g) && !g.name.equals(spec.getName())) {
                    throw conflict("The default security group cannot be renamed.");
                }
                requireFreeName(tx.state(), spec.getName(), g.id);
                g.name = spec.getName();
                if (spec.getDescription() != null) {
                    g.description = spec.getDescription();
                }
                return new SecurityGroupResponse().header(Envelopes.ok()).securityGroup(views.securityGroup(g, false));
            });
        });
        ops.put("deleteSecurityGroup", request -> emulation.tenant(request.appkey()).write(tx -> {
            TenantState state = tx.state();
            SecurityGroupRecord g = group(state, request.query("id"));
            if (isDefault(g)) {
                throw conflict("The default security group cannot be deleted.");
            }
            if (state.instances.values().stream().anyMatch(i -> i.securityGroupIds.contains(g.id))) {
                throw conflict("Security group '" + g.name + "' is in use by an instance.");
            }
            state.securityGroups.remove(g.id);
            state.securityGroups.values().forEach(other -> other.rules.removeIf(r -> g.id.equals(r.remoteGroupId)));
            return Envelopes.okOnly();
        }));
        ops.put("listSecurityGroupRules", request -> emulation.tenant(request.appkey()).read(tx -> {
            String id = request.query("id");
            List<SecurityGroupRule> rules = new ArrayList<>();
            if (id != null) {
                rules.add(views.rule(tx.state().rule(id).orElseThrow(() -> ruleNotFound())));
            } else {
                tx.state().securityGroups.values().forEach(g -> g.rules.forEach(r -> rules.add(views.rule(r))));
            }
            return new SecurityGroupRuleListResponse().header(Envelopes.ok()).securityGroupRules(rules);
        }));
        ops.put("createSecurityGroupRule", request -> {
            SecurityGroupRuleSpec spec = request.body(SecurityGroupRuleCreateRequest.class, emulation.mapper())
                    .getSecurityGroupRule();
            return emulation.tenant(request.appkey()).write(tx -> {
                SecurityGroupRecord g = group(tx.state(), spec.getSecurityGroupId());
                if (spec.getRemoteGroupId() != null) {
                    group(tx.state(), spec.getRemoteGroupId());
                }
                RuleRecord r = rule(g.id, spec);
                if (r.remoteIpPrefix != null && r.remoteIpPrefix.contains(":") != "IPv6".equals(r.ethertype)) {
                    throw ApiFailure.invalidParameters("securityGroupRule.remoteIpPrefix is not an " + r.ethertype
                            + " prefix [ethertype]");
                }
                if (g.rules.stream().anyMatch(existing -> existing.sameTrafficAs(r))) {
                    throw ApiFailure.example("SecurityGroupRuleConflict");
                }
                g.rules.add(r);
                return new SecurityGroupRuleResponse().header(Envelopes.ok()).securityGroupRule(views.rule(r));
            });
        });
        ops.put("deleteSecurityGroupRule", request -> emulation.tenant(request.appkey()).write(tx -> {
            RuleRecord r = tx.state().rule(request.query("id")).orElseThrow(() -> ruleNotFound());
            tx.state().securityGroups.get(r.securityGroupId).rules.remove(r);
            return Envelopes.okOnly();
        }));
    }

    private boolean isDefault(SecurityGroupRecord g) {
        return g.name.equals(emulation.catalog().defaultSecurityGroupName());
    }

    private static SecurityGroupRecord group(TenantState state, String id) {
        SecurityGroupRecord g = state.securityGroups.get(id);
        if (g == null) {
            throw ApiFailure.example("SecurityGroupNotFound");
        }
        return g;
    }

    private static void requireFreeName(TenantState state, String name, String exceptId) {
        state.securityGroupNamed(name).filter(g -> !g.id.equals(exceptId)).ifPresent(g -> {
            throw conflict("A security group named '" + name + "' already exists (instances refer to groups by name).");
        });
    }

    private static ApiFailure conflict(String message) {
        return ApiFailure.example("SecurityGroupRuleConflict", message);
    }

    private static ApiFailure ruleNotFound() {
        return ApiFailure.nonexistent("The security group rule does not exist.");
    }

    private static RuleRecord egress(String groupId, String ethertype) {
        RuleRecord r = new RuleRecord();
        r.id = UUID.randomUUID().toString();
        r.securityGroupId = groupId;
        r.direction = "egress";
        r.ethertype = ethertype;
        r.description = "";
        return r;
    }

    private static RuleRecord rule(String groupId, SecurityGroupRuleSpec spec) {
        RuleRecord r = new RuleRecord();
        r.id = UUID.randomUUID().toString();
        r.securityGroupId = groupId;
        r.direction = spec.getDirection().getValue();
        r.ethertype = spec.getEthertype() == null ? "IPv4" : spec.getEthertype().getValue();
        r.protocol = spec.getProtocol() == null ? null : spec.getProtocol().getValue();
        r.portRangeMin = spec.getPortRangeMin();
        r.portRangeMax = spec.getPortRangeMax();
        r.remoteGroupId = spec.getRemoteGroupId();
        r.remoteIpPrefix = spec.getRemoteIpPrefix();
        r.description = "";
        return r;
    }
}
