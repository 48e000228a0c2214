package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.Fixtures.action;
import static io.toastcloud.compute.emulator.Fixtures.activeInstance;
import static io.toastcloud.compute.emulator.Fixtures.instanceDetail;
import static io.toastcloud.compute.emulator.RawApi.fails;
import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Security groups referred to by name, their rules, and what may not be changed or deleted. */
class SecurityGroupTest {
    @RegisterExtension
    static final EmulatorHarness emulator = EmulatorHarness.onManualClock(b -> { });

    @Test
    void everyAppkeyStartsWithTheDefaultGroupOfTheContractExample() {
        JsonNode groups = ok(emulator.raw().get("/security-groups")).path("securityGroups");
        assertEquals(1, groups.size());
        assertEquals("default", groups.at("/0/name").asText());
        assertEquals("85cc3048-abc3-43cc-89b3-377341426ac5", groups.at("/0/id").asText());
        assertEquals("egress", groups.at("/0/securityGroupRules/0/direction").asText());
    }

    @Test
    void aNewGroupHasTheDefaultEgressRulesAndAUniqueName() {
        RawApi api = emulator.raw();
        JsonNode group = ok(api.post("/security-groups", group("web", "HTTP"))).path("securityGroup");
        assertEquals("HTTP", group.path("description").asText());
        List<String> ethertypes = new ArrayList<>();
        group.path("securityGroupRules").forEach(r -> {
            assertEquals("egress", r.path("direction").asText());
            ethertypes.add(r.path("ethertype").asText());
        });
        assertEquals(List.of("IPv4", "IPv6"), ethertypes);
        fails(24409, api.post("/security-groups", group("web", "again")));
        fails(24409, api.post("/security-groups", group("default", "again")));
    }

    @Test
    void instancesReferToGroupsByNameAndSeeARename() {
        RawApi api = emulator.raw();
        String groupId = ok(api.post("/security-groups", group("web", "HTTP"))).at("/securityGroup/id").asText();
        String instanceId = activeInstance(emulator.clock, api, "web-01");
        fails(24404, action(api, instanceId, sg("addSecurityGroup", "nope")));
        ok(action(api, instanceId, sg("addSecurityGroup", "web")));
        fails(10409, action(api, instanceId, sg("addSecurityGroup", "web")));
        assertEquals(List.of("default", "web"), names(instanceDetail(api, instanceId)));
        JsonNode renamed = ok(api.put("/security-groups/" + groupId, group("www", "HTTP and HTTPS"))).path("securityGroup");
        assertEquals("www", renamed.path("name").asText());
        assertFalse(renamed.has("securityGroupRules"), "the update response has no rules (DECISIONS D31)");
        assertEquals(List.of("default", "www"), names(instanceDetail(api, instanceId)));
        String message = fails(24409, api.delete("/security-groups?id=" + groupId));
        assertTrue(message.contains("in use"), message);
        ok(action(api, instanceId, sg("removeSecurityGroup", "www")));
        fails(10409, action(api, instanceId, sg("removeSecurityGroup", "www")));
        ok(api.delete("/security-groups?id=" + groupId));
        fails(24404, api.get("/security-groups?id=" + groupId));
        fails(24404, api.put("/security-groups/" + groupId, group("www", "x")));
    }

    @Test
    void theDefaultGroupCannotBeRenamedOrDeletedButItsDescriptionCanChange() {
        RawApi api = emulator.raw();
        String id = "85cc3048-abc3-43cc-89b3-377341426ac5";
        fails(24409, api.put("/security-groups/" + id, group("other", "x")));
        fails(24409, api.delete("/security-groups?id=" + id));
        assertEquals("mine", ok(api.put("/security-groups/" + id, group("default", "mine"))).at("/securityGroup/description").asText());
    }

    @Test
    void rulesAreCreatedListedAndDeletedAndDuplicatesRefused() {
        RawApi api = emulator.raw();
        String groupId = ok(api.post("/security-groups", group("web", "HTTP"))).at("/securityGroup/id").asText();
        String https = "{\"securityGroupRule\":{\"securityGroupId\":\"" + groupId + "\",\"direction\":\"ingress\","
                + "\"protocol\":\"tcp\",\"portRangeMin\":443,\"portRangeMax\":443,\"remoteIpPrefix\":\"0.0.0.0/0\"}}";
        JsonNode rule = ok(api.post("/security-group-rules", https)).path("securityGroupRule");
        assertEquals("IPv4", rule.path("ethertype").asText(), "IPv4 when not given");
        assertEquals(443, rule.path("portRangeMin").asInt());
        fails(24409, api.post("/security-group-rules", https));
        String ruleId = rule.path("id").asText();
        assertEquals(groupId, ok(api.get("/security-group-rules?id=" + ruleId)).at("/securityGroupRules/0/securityGroupId").asText());
        assertEquals(3, ok(api.get("/security-groups?id=" + groupId)).at("/securityGroups/0/securityGroupRules").size());
        ok(api.delete("/security-group-rules?id=" + ruleId));
        fails(-5, api.delete("/security-group-rules?id=" + ruleId));
        fails(-5, api.get("/security-group-rules?id=" + ruleId));
        fails(24404, api.post("/security-group-rules", https.replace(groupId, "nope")));
        fails(-4, api.post("/security-group-rules", https.replace("0.0.0.0/0", "::/0")));
    }

    /** ICMP type/code (ping is type 8 code 0, time exceeded 11/1) and protocol null (any), as the guide allows. */
    @Test
    void icmpRulesWithCodeZeroOrTypeAboveCodeAndAnyProtocolRulesAreCreated() {
        RawApi api = emulator.raw();
        String groupId = ok(api.post("/security-groups", group("icmp", "ICMP"))).at("/securityGroup/id").asText();
        String base = "{\"securityGroupRule\":{\"securityGroupId\":\"" + groupId + "\",\"direction\":\"ingress\",";
        JsonNode ping = ok(api.post("/security-group-rules", base + "\"protocol\":\"icmp\",\"portRangeMin\":8,\"portRangeMax\":0}}"))
                .path("securityGroupRule");
        assertEquals(0, ping.path("portRangeMax").asInt());
        assertEquals(0, ping.path("portRangeMax").asInt(-1), "code 0 kept, not dropped");
        ok(api.post("/security-group-rules", base + "\"protocol\":\"icmp\",\"portRangeMin\":11,\"portRangeMax\":1}}"));
        fails(-4, api.post("/security-group-rules", base + "\"protocol\":\"udp\",\"portRangeMin\":11,\"portRangeMax\":1}}"));
        JsonNode any = ok(api.post("/security-group-rules", base + "\"protocol\":null,\"remoteIpPrefix\":\"10.0.0.0/8\"}}"))
                .path("securityGroupRule");
        assertTrue(any.path("protocol").isNull() || any.path("protocol").isMissingNode(), "any protocol: " + any);
    }

    @Test
    void deletingAGroupDeletesTheRulesThatNameItAsRemoteGroup() {
        RawApi api = emulator.raw();
        String web = ok(api.post("/security-groups", group("web", "w"))).at("/securityGroup/id").asText();
        String db = ok(api.post("/security-groups", group("db", "d"))).at("/securityGroup/id").asText();
        String fromWeb = "{\"securityGroupRule\":{\"securityGroupId\":\"" + db + "\",\"direction\":\"ingress\","
                + "\"protocol\":\"tcp\",\"portRangeMin\":5432,\"portRangeMax\":5432,\"remoteGroupId\":\"" + web + "\"}}";
        fails(24404, api.post("/security-group-rules", fromWeb.replace(web, "nope")));
        String ruleId = ok(api.post("/security-group-rules", fromWeb)).at("/securityGroupRule/id").asText();
        ok(api.delete("/security-groups?id=" + web));
        fails(-5, api.get("/security-group-rules?id=" + ruleId));
        assertEquals(2, ok(api.get("/security-groups?id=" + db)).at("/securityGroups/0/securityGroupRules").size());
    }

    static String group(String name, String description) {
        return "{\"securityGroup\":{\"name\":\"" + name + "\",\"description\":\"" + description + "\"}}";
    }

    static String sg(String action, String name) {
        return "{\"action\":\"" + action + "\",\"parameters\":{\"name\":\"" + name + "\"}}";
    }

    private static List<String> names(JsonNode detail) {
        List<String> names = new ArrayList<>();
        detail.path("securityGroups").forEach(g -> names.add(g.path("name").asText()));
        return names;
    }
}
