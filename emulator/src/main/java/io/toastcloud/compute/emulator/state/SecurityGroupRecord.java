package io.toastcloud.compute.emulator.state;

import java.util.ArrayList;
import java.util.List;

/** A security group and its rules. */
public final class SecurityGroupRecord {
    public String id;
    public String name;
    public String description;
    public List<RuleRecord> rules = new ArrayList<>();

    /** A rule; null fields mean "any", as in the guide's examples. */
    public static final class RuleRecord {
        public String id;
        public String securityGroupId;
        public String direction;
        public String ethertype;
        public String protocol;
        public Integer portRangeMin;
        public Integer portRangeMax;
        public String remoteGroupId;
        public String remoteIpPrefix;
        public String description;

        /** Whether the two rules allow the same traffic (the id and description aside). */
        public boolean sameTrafficAs(RuleRecord o) {
            return java.util.Objects.equals(direction, o.direction) && java.util.Objects.equals(ethertype, o.ethertype)
                    && java.util.Objects.equals(protocol, o.protocol)
                    && java.util.Objects.equals(portRangeMin, o.portRangeMin)
                    && java.util.Objects.equals(portRangeMax, o.portRangeMax)
                    && java.util.Objects.equals(remoteGroupId, o.remoteGroupId)
                    && java.util.Objects.equals(remoteIpPrefix, o.remoteIpPrefix);
        }
    }
}
