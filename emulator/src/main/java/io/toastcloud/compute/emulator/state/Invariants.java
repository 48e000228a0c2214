package io.toastcloud.compute.emulator.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What must hold of an appkey's state whatever requests came in, in whatever order: every
 * reference points at something that exists, both ends of a relation agree, no address or
 * device is given out twice. Tests check it after concurrent clients are done.
 */
public final class Invariants {
    private static final Set<String> ATTACHED_STATUSES = Set.of("attaching", "in-use", "detaching");

    private Invariants() {
    }

    public static List<String> problems(TenantState s, Catalog catalog, int floatingIpsPerAppkey) {
        List<String> out = new ArrayList<>();
        String where = "appkey " + s.appkey + ": ";
        if (s.securityGroupNamed(catalog.defaultSecurityGroupName()).isEmpty()) {
            out.add(where + "the default security group is missing");
        }
        Set<String> groupNames = new HashSet<>();
        for (SecurityGroupRecord g : s.securityGroups.values()) {
            if (!groupNames.add(g.name)) {
                out.add(where + "two security groups are named " + g.name);
            }
            for (SecurityGroupRecord.RuleRecord r : g.rules) {
                if (!g.id.equals(r.securityGroupId)) {
                    out.add(where + "rule " + r.id + " names group " + r.securityGroupId + " but is in " + g.id);
                }
                if (r.remoteGroupId != null && !s.securityGroups.containsKey(r.remoteGroupId)) {
                    out.add(where + "rule " + r.id + " refers to a missing remote group");
                }
            }
        }
        Set<String> fixedIps = new HashSet<>();
        for (InstanceRecord i : s.instances.values()) {
            if (catalog.flavor(i.flavorId).isEmpty()) {
                out.add(where + "instance " + i.id + " has an unknown flavor");
            }
            for (String groupId : i.securityGroupIds) {
                if (!s.securityGroups.containsKey(groupId)) {
                    out.add(where + "instance " + i.id + " has a deleted security group");
                }
            }
            for (InstanceRecord.Nic nic : i.nics) {
                if (!fixedIps.add(nic.networkId() + "/" + nic.ipAddress())) {
                    out.add(where + "fixed IP " + nic.ipAddress() + " is given to two interfaces");
                }
            }
            checkSteps(where + "instance " + i.id, i, out);
        }
        Set<String> devices = new HashSet<>();
        for (VolumeRecord v : s.volumes.values()) {
            if (v.attachment != null) {
                if (!s.instances.containsKey(v.attachment.instanceId())) {
                    out.add(where + "volume " + v.id + " is attached to a missing instance");
                }
                if (!devices.add(v.attachment.instanceId() + v.attachment.device())) {
                    out.add(where + "device " + v.attachment.device() + " is used twice on an instance");
                }
                if (!ATTACHED_STATUSES.contains(v.status) && !"deleting".equals(v.status)) {
                    out.add(where + "volume " + v.id + " is attached but " + v.status);
                }
            } else if (ATTACHED_STATUSES.contains(v.status)) {
                out.add(where + "volume " + v.id + " is " + v.status + " without an attachment");
            }
            checkSteps(where + "volume " + v.id, v, out);
        }
        s.images.values().forEach(i -> checkSteps(where + "image " + i.id, i, out));
        Set<String> addresses = new HashSet<>();
        Set<String> pool = new HashSet<>();
        for (int n = 0; n < floatingIpsPerAppkey; n++) {
            pool.add(catalog.floatingIpAddress(n));
        }
        for (FloatingIpRecord f : s.floatingIps.values()) {
            if (!addresses.add(f.address)) {
                out.add(where + "floating IP " + f.address + " is allocated twice");
            }
            if (!pool.contains(f.address)) {
                out.add(where + "floating IP " + f.address + " is not in the pool");
            }
            if (f.associated()) {
                InstanceRecord i = s.instances.get(f.instanceId);
                if (i == null) {
                    out.add(where + "floating IP " + f.address + " is associated with a missing instance");
                } else if (i.nics.stream().noneMatch(n -> n.ipAddress().equals(f.fixedIpAddress) && n.portId().equals(f.portId))) {
                    out.add(where + "floating IP " + f.address + " names no interface of its instance");
                }
            } else if (f.fixedIpAddress != null || f.portId != null) {
                out.add(where + "floating IP " + f.address + " is DOWN but keeps a fixed IP or port");
            }
        }
        return out;
    }

    private static void checkSteps(String what, StatefulRecord r, List<String> out) {
        for (int n = 1; n < r.pending.size(); n++) {
            if (r.pending.get(n).at() < r.pending.get(n - 1).at()) {
                out.add(what + " has steps out of order");
            }
        }
    }
}
